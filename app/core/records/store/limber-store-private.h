/* limber-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "limber-store.h"

G_BEGIN_DECLS

/* How long a write waits for another process's transaction. Every transaction is a few
 * milliseconds, so this is plenty; a lock held longer does not freeze the window: the record
 * is kept in memory and written when the lock goes (limber-store-retry.c), whose tries wait
 * less. */
#define LIMBER_STORE_BUSY_TIMEOUT_MS 500
#define LIMBER_STORE_RETRY_BUSY_TIMEOUT_MS 50

struct _LimberStore
{
  GObject       parent_instance;

  LimberClock  *clock;
  char         *path;
  sqlite3      *db;
  gboolean      saving;
  char         *problem;
  char         *moved_aside_path;
  int           file_version;
  int           newer_version;
  int           last_rc;

  GFileMonitor *monitor;
  gint64        data_version;

  /* Why the records on disk could not be read into this run (a link, a newer file), or NULL;
   * an export then writes nothing rather than a file without them. */
  char         *unread_reason;

  /* While the file is locked or full (limber-store-retry.c): the records are kept in memory
   * and written to the file when it can take them. */
  gboolean      retrying;
  GHashTable   *kept_from;     /* table name → the highest id read from the file */
  gboolean      deleted_while_retrying;
  guint         retry_id;
  gint64        retry_delay_us;
  GHashTable   *moved_ids;     /* "table id" of a record kept in memory → its id in the file */
};

/* The open database, for the export code that walks every table. */
sqlite3       *limber_store_get_db          (LimberStore *self);
int            limber_store_get_newer_version (LimberStore *self);
gint64         limber_store_now_us          (LimberStore *self);
gboolean       limber_store_exec            (LimberStore *self,
                                             const char  *sql,
                                             GError     **error);
sqlite3_stmt  *limber_store_prepare         (LimberStore *self,
                                             const char  *sql,
                                             GError     **error);
gboolean       limber_store_set_sql_error   (LimberStore *self,
                                             sqlite3     *db,
                                             int          rc,
                                             GError     **error);

/* A write's body, run inside a transaction by limber_store_write(); sets @id to a new row. */
typedef gboolean (*LimberStoreWriteFunc) (LimberStore  *self,
                                          gpointer      data,
                                          gint64       *id,
                                          GError      **error);

gint64         limber_store_write           (LimberStore          *self,
                                             LimberStoreWriteFunc  func,
                                             gpointer              data,
                                             GError              **error);
sqlite3_stmt  *limber_store_prepare_read    (LimberStore *self,
                                             const char  *sql);
gint64         limber_store_query_int       (sqlite3     *db,
                                             const char  *sql,
                                             gint64       fallback);
void           limber_store_close_db        (LimberStore *self);
void           limber_store_stop_saving     (LimberStore *self,
                                             const char  *problem);
void           limber_store_watch_folder    (LimberStore *self);

/* limber-store-open.c: carries on in memory, with what the file holds if it can be read;
 * with @retry, writes what is kept to the file once it can (limber-store-retry.c). */
void           limber_store_fall_back_to_memory (LimberStore *self,
                                                 const char  *reason,
                                                 gboolean     retry);
/* limber-store-open.c: opens self->path into self->db, migrated; self->last_rc says why not. */
gboolean       limber_store_open_file       (LimberStore *self,
                                             GError     **error);
void           limber_store_set_problem     (LimberStore *self,
                                             const char  *problem);
/* Back to the file after records kept in memory were written to it. */
void           limber_store_resume_saving   (LimberStore *self);

/* limber-store-retry.c */
gboolean       limber_store_is_passing_problem (int rc);
void           limber_store_start_retrying  (LimberStore *self,
                                             const char  *reason);
void           limber_store_stop_retrying   (LimberStore *self);
void           limber_store_forget_kept_from (LimberStore *self);
gint64         limber_store_find_moved_id   (LimberStore *self,
                                             const char  *table,
                                             gint64       id);

/* limber-store-open.c: the schema's steps, also read by limber_store_create_version(). */
extern const char * const limber_store_migrations[LIMBER_STORE_VERSION];

/* The tables that hold records, in an order that deletes children first. */
#define LIMBER_STORE_N_RECORD_TABLES 9
extern const char * const limber_store_record_tables[LIMBER_STORE_N_RECORD_TABLES];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
