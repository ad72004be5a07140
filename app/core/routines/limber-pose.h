/* limber-pose.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-routine.h"

G_BEGIN_DECLS

/**
 * LimberJoint:
 *
 * The joints of the stick figure the player draws, seen from the side. The near limbs are the
 * ones on the side being stretched; the far limbs are drawn fainter, behind the body.
 */
typedef enum
{
  LIMBER_JOINT_HEAD,
  LIMBER_JOINT_NECK,
  LIMBER_JOINT_SHOULDER,
  LIMBER_JOINT_BACK,
  LIMBER_JOINT_HIP,
  LIMBER_JOINT_ELBOW,
  LIMBER_JOINT_HAND,
  LIMBER_JOINT_KNEE,
  LIMBER_JOINT_ANKLE,
  LIMBER_JOINT_TOE,
  LIMBER_JOINT_FAR_ELBOW,
  LIMBER_JOINT_FAR_HAND,
  LIMBER_JOINT_FAR_KNEE,
  LIMBER_JOINT_FAR_ANKLE,
  LIMBER_JOINT_FAR_TOE,
  LIMBER_N_JOINTS,  /*< skip >*/
} LimberJoint;

/* A figure lives in a box LIMBER_POSE_WIDTH wide and LIMBER_POSE_HEIGHT high, y downwards; the
 * floor is at LIMBER_POSE_FLOOR. */
#define LIMBER_POSE_WIDTH  100.0
#define LIMBER_POSE_HEIGHT 60.0
#define LIMBER_POSE_FLOOR  56.0

typedef struct
{
  double x;
  double y;
} LimberPosePoint;

typedef struct
{
  LimberPosePoint joints[LIMBER_N_JOINTS];
} LimberPose;

const char *limber_joint_to_string     (LimberJoint       joint);
void        limber_pose_interpolate    (const LimberPose *from,
                                        const LimberPose *to,
                                        double            t,
                                        LimberPose       *out);
double      limber_pose_distance       (const LimberPose *a,
                                        const LimberPose *b);

#define LIMBER_TYPE_POSE_BOOK (limber_pose_book_get_type ())
G_DECLARE_FINAL_TYPE (LimberPoseBook, limber_pose_book, LIMBER, POSE_BOOK, GObject)

LimberPoseBook *limber_pose_book_new_from_data     (const char       *data,
                                                    gssize            length,
                                                    GError          **error);
LimberPoseBook *limber_pose_book_new_from_resource (const char       *path,
                                                    GError          **error);
gboolean        limber_pose_book_has_exercise      (LimberPoseBook   *self,
                                                    const char       *exercise);
gboolean        limber_pose_book_get_key_pose      (LimberPoseBook   *self,
                                                    const char       *exercise,
                                                    const char       *pose,
                                                    LimberPose       *out);
gboolean        limber_pose_book_get_preview       (LimberPoseBook   *self,
                                                    const char       *exercise,
                                                    LimberPose       *out);
gboolean        limber_pose_book_compute           (LimberPoseBook   *self,
                                                    const char       *exercise,
                                                    const LimberPhase *phase,
                                                    gint64            elapsed_us,
                                                    gboolean          animate,
                                                    LimberPose       *out);
gboolean        limber_pose_book_is_moving         (LimberPoseBook   *self,
                                                    const char       *exercise,
                                                    const LimberPhase *phase,
                                                    gint64            elapsed_us);

G_END_DECLS
