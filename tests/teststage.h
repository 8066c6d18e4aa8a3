/* teststage.h: the figure's stage and the "It hurts" button on it in the program's window at
 * 1920x1080 (render_stage_rect, render_button_rect(BUTTON_HURT), in stage pixels), for core tests
 * that lay the figure out as the program does without SDL (test_figure_seams);
 * test_render_layout checks these against the real layout. */
#ifndef UNKNOT_TESTSTAGE_H
#define UNKNOT_TESTSTAGE_H

#define TESTSTAGE_W 1073
#define TESTSTAGE_H 704
#define TESTSTAGE_HURT_X 736
#define TESTSTAGE_HURT_Y 16
#define TESTSTAGE_HURT_W 321
#define TESTSTAGE_HURT_H 110

#endif
