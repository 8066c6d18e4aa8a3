/* soundgen.c: synthesise unknot's effect sounds (tick, chime, fanfare, beat) into OUT_DIR as
 * 16-bit mono 22050 Hz WAV. Deterministic: same input, byte-identical files (tests/sounds_regen.sh).
 * Must not read any sample, clock or random source; everything is computed from constants. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech.h"

#define SOUNDGEN_RATE 22050
#define SOUNDGEN_MAX_SAMPLES (SOUNDGEN_RATE * 4) /* no sound is longer than 4 s */
#define SOUNDGEN_PATH_BYTES 1024
#define SOUNDGEN_PI 3.14159265358979323846

/* ---- envelopes and shaping ---- */

/* Raised-cosine attack from 0 to 1 over attack_s, then exponential decay with time constant tau_s. */
static double envelope(double t, double attack_s, double tau_s)
{
    if (t < 0.0)
        return 0.0;
    if (t < attack_s)
        return 0.5 - 0.5 * cos(SOUNDGEN_PI * t / attack_s);
    return exp(-(t - attack_s) / tau_s);
}

/* Fade the last fade_s seconds to exact silence with a half cosine, so no file ends on a click. */
static void fade_out(double *buf, int n, double fade_s)
{
    int m = (int)(fade_s * SOUNDGEN_RATE);
    if (m > n)
        m = n;
    for (int i = 0; i < m; i++) {
        double x = (double)i / (double)m; /* 0 at the start of the fade, 1 at the end */
        buf[n - m + i] *= 0.5 + 0.5 * cos(SOUNDGEN_PI * x);
    }
}

/* Scale so the loudest sample is at peak (0..1). */
static void normalise(double *buf, int n, double peak)
{
    double max = 0.0;
    for (int i = 0; i < n; i++)
        if (fabs(buf[i]) > max)
            max = fabs(buf[i]);
    if (max <= 0.0)
        return;
    for (int i = 0; i < n; i++)
        buf[i] *= peak / max;
}

/* ---- the four sounds ---- */

/* A soft, short wooden tick: two damped partials, 60 ms. */
static int make_tick(double *buf)
{
    int n = (int)(0.060 * SOUNDGEN_RATE);
    for (int i = 0; i < n; i++) {
        double t = (double)i / SOUNDGEN_RATE;
        double e = envelope(t, 0.0015, 0.009);
        buf[i] = e * (sin(2 * SOUNDGEN_PI * 1400.0 * t) + 0.35 * sin(2 * SOUNDGEN_PI * 2650.0 * t));
    }
    fade_out(buf, n, 0.010);
    normalise(buf, n, 0.40);
    return n;
}

/* A gentle end-of-step chime: a bell-like E5 with soft inharmonic partials, 1.6 s. */
static int make_chime(double *buf)
{
    static const double partial_hz[] = {659.26, 1318.5, 1977.8, 2760.0};
    static const double partial_gain[] = {1.0, 0.30, 0.10, 0.04};
    static const double partial_tau[] = {0.55, 0.30, 0.18, 0.10};
    int n = (int)(1.6 * SOUNDGEN_RATE);
    for (int i = 0; i < n; i++) {
        double t = (double)i / SOUNDGEN_RATE;
        double s = 0.0;
        for (int p = 0; p < 4; p++)
            s += partial_gain[p] * envelope(t, 0.006, partial_tau[p]) * sin(2 * SOUNDGEN_PI * partial_hz[p] * t);
        buf[i] = s;
    }
    fade_out(buf, n, 0.25);
    normalise(buf, n, 0.45);
    return n;
}

/* One warm, soft brass-like note (odd and even harmonics rolled off) added into buf. */
static void add_note(double *buf, int n, double start_s, double hz, double length_s, double gain)
{
    int first = (int)(start_s * SOUNDGEN_RATE);
    int count = (int)(length_s * SOUNDGEN_RATE);
    for (int i = 0; i < count && first + i < n; i++) {
        double t = (double)i / SOUNDGEN_RATE;
        double e = envelope(t, 0.030, length_s * 0.45);
        double release = 1.0;
        double left = length_s - t;
        if (left < 0.12) /* soft release at the end of each note */
            release = 0.5 - 0.5 * cos(SOUNDGEN_PI * left / 0.12);
        double s = sin(2 * SOUNDGEN_PI * hz * t) + 0.45 * sin(2 * SOUNDGEN_PI * 2 * hz * t) +
                   0.20 * sin(2 * SOUNDGEN_PI * 3 * hz * t) + 0.08 * sin(2 * SOUNDGEN_PI * 4 * hz * t);
        buf[first + i] += gain * e * release * s;
    }
}

/* A short, warm end-of-workout fanfare: C major arpeggio rising into a held chord, 2.4 s. */
static int make_fanfare(double *buf)
{
    int n = (int)(2.4 * SOUNDGEN_RATE);
    for (int i = 0; i < n; i++)
        buf[i] = 0.0;
    add_note(buf, n, 0.00, 261.63, 0.40, 0.8); /* C4 */
    add_note(buf, n, 0.16, 329.63, 0.40, 0.7); /* E4 */
    add_note(buf, n, 0.32, 392.00, 0.40, 0.7); /* G4 */
    add_note(buf, n, 0.50, 523.25, 1.85, 0.8); /* C5, held */
    add_note(buf, n, 0.50, 392.00, 1.85, 0.5); /* G4 under it */
    add_note(buf, n, 0.50, 329.63, 1.85, 0.4); /* E4 under it */
    add_note(buf, n, 0.50, 130.81, 1.85, 0.5); /* C3 for warmth */
    fade_out(buf, n, 0.20);
    normalise(buf, n, 0.50);
    return n;
}

/* A gentle tempo beat: a low, round thump whose pitch falls slightly, 150 ms. */
static int make_beat(double *buf)
{
    int n = (int)(0.150 * SOUNDGEN_RATE);
    double phase = 0.0;
    for (int i = 0; i < n; i++) {
        double t = (double)i / SOUNDGEN_RATE;
        double hz = 180.0 + 60.0 * exp(-t / 0.02);
        phase += 2 * SOUNDGEN_PI * hz / SOUNDGEN_RATE;
        buf[i] = envelope(t, 0.004, 0.035) * (sin(phase) + 0.15 * sin(2 * phase));
    }
    fade_out(buf, n, 0.030);
    normalise(buf, n, 0.40);
    return n;
}

/* ---- WAV output: the one clip writer, speech_wav_write (src/platform/speech.c) ---- */

/* Write buf[0..n) as 16-bit PCM WAV. Returns 0 or -1 (message printed). */
static int write_wav(const char *path, const double *buf, int n)
{
    int16_t *pcm = malloc(sizeof *pcm * (size_t)(n > 0 ? n : 1));
    char err[300];
    if (!pcm) {
        fprintf(stderr, "soundgen: out of memory\n");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        double x = buf[i] * 32767.0;
        pcm[i] = (int16_t)lrint(x > 32767.0 ? 32767.0 : x < -32768.0 ? -32768.0 : x);
    }
    int rc = speech_wav_write(path, pcm, (size_t)n, SOUNDGEN_RATE, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "soundgen: %s\n", err);
    free(pcm);
    return rc;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *file;
        int (*make)(double *);
    } sounds[] = {
        {"tick.wav", make_tick}, {"chime.wav", make_chime}, {"fanfare.wav", make_fanfare}, {"beat.wav", make_beat}};

    if (argc != 2) {
        fprintf(stderr, "usage: soundgen OUT_DIR   (writes tick.wav chime.wav fanfare.wav beat.wav)\n");
        return 2;
    }
    double *buf = malloc(sizeof(double) * SOUNDGEN_MAX_SAMPLES);
    if (!buf) {
        fprintf(stderr, "soundgen: out of memory\n");
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < sizeof sounds / sizeof sounds[0]; i++) {
        char path[SOUNDGEN_PATH_BYTES];
        snprintf(path, sizeof path, "%s/%s", argv[1], sounds[i].file);
        memset(buf, 0, sizeof(double) * SOUNDGEN_MAX_SAMPLES);
        int n = sounds[i].make(buf);
        if (write_wav(path, buf, n) != 0)
            rc = 1;
    }
    free(buf);
    return rc;
}
