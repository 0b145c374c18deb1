// seedtui_torrent.h — the whole C API over libtorrent-rasterbar 2.0.
//
// Why a shim: Swift cannot call libtorrent's C++ API safely (exceptions, templates,
// shared_ptr ownership). This header is the only door: opaque handles, plain structs,
// batched calls. Every function catches every C++ exception and reports it through
// an `st_error` the caller owns; nothing thrown in C++ ever unwinds into Swift.
//
// Torrents are named by their 20-byte "best" info-hash (v1 SHA-1, or the truncated
// v2 SHA-256 for v2-only torrents), which is also how the engine keys its database.
#ifndef SEEDTUI_TORRENT_H
#define SEEDTUI_TORRENT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Filled by a failing call: a stable code and a human sentence. Caller-owned.
typedef struct st_error {
    int32_t code;          // 0 = ok; see ST_E_*
    char message[512];
} st_error;

enum {
    ST_OK = 0,
    ST_E_INVALID = 1,      // bad argument: malformed .torrent, magnet, setting name
    ST_E_NOT_FOUND = 2,    // no torrent with that info-hash in the session
    ST_E_DUPLICATE = 3,    // already in the session
    ST_E_IO = 4,           // filesystem error
    ST_E_INTERNAL = 5,     // any other exception caught at the boundary
};

typedef struct st_hash { uint8_t bytes[20]; } st_hash;

typedef struct st_session st_session;

/// One libtorrent setting by its libtorrent name (`settings_pack` names such as
/// "active_downloads"); value kind follows the setting's type.
typedef struct st_setting {
    const char *name;
    const char *string_value;  // used for string settings
    int64_t int_value;         // used for int and bool settings
} st_setting;

enum {
    ST_DISK_IO_DEFAULT = 0,
    ST_DISK_IO_MMAP = 1,
    ST_DISK_IO_POSIX = 2,      // pread/pwrite
};

enum {
    ST_PROFILE_DEFAULT = 0,
    ST_PROFILE_HIGH_PERFORMANCE_SEED = 1,
    ST_PROFILE_MIN_MEMORY = 2,
};

/// Creates a session. `settings` are applied on top of the chosen profile.
st_session *st_session_create(int32_t profile, int32_t disk_io, const st_setting *settings, size_t count,
                              st_error *err);
/// Pauses, waits for nothing, and frees. Save resume data before calling.
void st_session_destroy(st_session *s);
int32_t st_session_apply_settings(st_session *s, const st_setting *settings, size_t count, st_error *err);
/// Pauses or resumes the whole session (the kill switch).
int32_t st_session_set_paused(st_session *s, int32_t paused, st_error *err);
/// Whether the global rate limits also apply to peers on the local network and loopback.
int32_t st_session_limit_local_peers(st_session *s, int32_t limited, st_error *err);
/// Port the session actually listens on (0 until it listens).
int32_t st_session_listen_port(st_session *s);

// ---------------------------------------------------------------------------
// Adding

enum {
    ST_ADD_PAUSED = 1 << 0,
    ST_ADD_SEQUENTIAL = 1 << 1,
    ST_ADD_AUTO_MANAGED = 1 << 2,
    ST_ADD_SEED_MODE = 1 << 3,
};

typedef struct st_add_params {
    const uint8_t *torrent_data;  // a .torrent's bytes, or NULL
    size_t torrent_size;
    const char *magnet_uri;       // or a magnet URI, or NULL
    const uint8_t *resume_data;   // libtorrent resume data (bencoded), or NULL
    size_t resume_size;
    const char *save_path;        // required unless resume data carries it
    uint32_t flags;               // ST_ADD_*
    const uint8_t *file_priorities;  // 0..7 per file, or NULL
    size_t file_priority_count;
    int32_t download_limit;       // bytes/s, 0 = unlimited
    int32_t upload_limit;
} st_add_params;

/// Facts read from a .torrent or magnet without adding it.
typedef struct st_torrent_meta {
    st_hash hash;
    char name[256];
    int64_t total_size;           // 0 for a magnet
    int32_t num_files;
    int32_t has_metadata;
} st_torrent_meta;

/// Parses and validates; adding the same bytes afterwards cannot fail for format reasons.
int32_t st_inspect(const st_add_params *p, st_torrent_meta *out, st_error *err);
/// Queues an asynchronous add; its result arrives as an ST_EV_ADDED or ST_EV_ADD_FAILED event.
int32_t st_add(st_session *s, const st_add_params *p, st_error *err);

// ---------------------------------------------------------------------------
// Operations on many torrents at once

enum {
    ST_OP_PAUSE = 1,
    ST_OP_RESUME,
    ST_OP_RECHECK,
    ST_OP_REANNOUNCE,
    ST_OP_QUEUE_TOP,
    ST_OP_QUEUE_UP,
    ST_OP_QUEUE_DOWN,
    ST_OP_QUEUE_BOTTOM,
    ST_OP_SAVE_RESUME,          // arg: 1 = only if needed
    ST_OP_REMOVE,               // arg: 1 = delete files too
    ST_OP_SET_DOWNLOAD_LIMIT,   // arg: bytes/s, 0 = unlimited
    ST_OP_SET_UPLOAD_LIMIT,
    ST_OP_SET_SEQUENTIAL,       // arg: 0/1
    ST_OP_SET_AUTO_MANAGED,     // arg: 0/1
    ST_OP_FORCE_START,          // not auto-managed and resumed
};

/// Applies `op` to each hash. Returns how many were found; `err` names the first miss.
int32_t st_apply(st_session *s, const st_hash *hashes, size_t count, int32_t op, int64_t arg, st_error *err);
int32_t st_move_storage(st_session *s, const st_hash *hash, const char *path, st_error *err);
int32_t st_set_file_priorities(st_session *s, const st_hash *hash, const int32_t *indices,
                               const uint8_t *priorities, size_t count, st_error *err);
/// Asks for a state update: changed torrents arrive as ST_EV_STATUS in the next drain.
void st_post_updates(st_session *s);

// ---------------------------------------------------------------------------
// Status

enum {
    ST_STATE_CHECKING_FILES = 1,
    ST_STATE_DOWNLOADING_METADATA = 2,
    ST_STATE_DOWNLOADING = 3,
    ST_STATE_FINISHED = 4,
    ST_STATE_SEEDING = 5,
    ST_STATE_CHECKING_RESUME = 7,
};

enum {
    ST_FLAG_PAUSED = 1 << 0,
    ST_FLAG_AUTO_MANAGED = 1 << 1,
    ST_FLAG_HAS_METADATA = 1 << 2,
    ST_FLAG_ERROR = 1 << 3,
    ST_FLAG_SEQUENTIAL = 1 << 4,
    ST_FLAG_NEED_SAVE_RESUME = 1 << 5,
    ST_FLAG_IS_FINISHED = 1 << 6,
    ST_FLAG_IS_SEEDING = 1 << 7,
    ST_FLAG_MOVING = 1 << 8,
};

typedef struct st_status {
    st_hash hash;
    char name[256];
    char error[160];
    int32_t state;                // ST_STATE_*
    uint32_t flags;               // ST_FLAG_*
    float progress;               // 0..1 of wanted bytes
    int64_t total_size;           // all files
    int64_t total_wanted;
    int64_t total_wanted_done;
    int64_t all_time_download;
    int64_t all_time_upload;
    int32_t download_rate;        // bytes/s payload
    int32_t upload_rate;
    int32_t num_peers;
    int32_t num_seeds;
    int32_t list_peers;           // tracker-reported swarm size
    int32_t list_seeds;
    int32_t queue_position;       // -1 when not queued
    int32_t download_limit;
    int32_t upload_limit;
    int64_t active_seconds;
    int64_t seeding_seconds;
    int64_t finished_seconds;
    int64_t seconds_since_upload;    // -1 never
    int64_t seconds_since_download;  // -1 never
    int64_t completed_at;         // unix time, 0 if not complete
} st_status;

/// Synchronously reads the status of the given torrents (or all when count is 0).
/// `*out` is malloc'd and freed with st_free; `*out_count` gets its length.
int32_t st_get_status(st_session *s, const st_hash *hashes, size_t count, st_status **out, size_t *out_count,
                      st_error *err);

typedef struct st_file {
    char *path;                   // relative to the save path; owned by the list
    int64_t size;
    int64_t downloaded;
    int32_t priority;             // 0 = skip .. 7
} st_file;

typedef struct st_peer {
    char address[64];             // ip:port
    char client[64];
    float progress;
    int32_t download_rate;
    int32_t upload_rate;
    int32_t flags;                // 1 seed, 2 encrypted, 4 incoming, 8 utp
} st_peer;

typedef struct st_tracker {
    char *url;
    int32_t tier;
    int32_t status;               // 0 not contacted, 1 working, 2 updating, 3 error
    char message[160];
    int32_t seeds;                // -1 unknown
    int32_t peers;
} st_tracker;

typedef struct st_detail {
    st_file *files;
    size_t file_count;
    st_peer *peers;
    size_t peer_count;
    st_tracker *trackers;
    size_t tracker_count;
    int32_t num_pieces;
    int32_t piece_length;
    uint8_t *pieces;              // one byte per piece: 1 if we have it
} st_detail;

enum { ST_DETAIL_FILES = 1, ST_DETAIL_PEERS = 2, ST_DETAIL_TRACKERS = 4, ST_DETAIL_PIECES = 8 };

st_detail *st_get_detail(st_session *s, const st_hash *hash, int32_t what, st_error *err);
void st_detail_free(st_detail *d);

// ---------------------------------------------------------------------------
// Events (alerts drained in batches)

enum {
    ST_EV_ADDED = 1,              // hash, name
    ST_EV_ADD_FAILED,             // hash (may be zero), message
    ST_EV_FINISHED,               // download complete
    ST_EV_RESUME_DATA,            // data = bencoded resume data
    ST_EV_RESUME_FAILED,
    ST_EV_REMOVED,
    ST_EV_DELETED,                // files deleted after remove
    ST_EV_DELETE_FAILED,
    ST_EV_STORAGE_MOVED,          // message = new path
    ST_EV_STORAGE_MOVE_FAILED,
    ST_EV_FILE_ERROR,             // message names file and error (disk full)
    ST_EV_TRACKER_ERROR,
    ST_EV_METADATA_RECEIVED,
    ST_EV_PAUSED,
    ST_EV_RESUMED,
    ST_EV_LISTEN_FAILED,
    ST_EV_LISTEN_OK,
    ST_EV_HASH_FAILED,
    ST_EV_CHECKED,                // torrent_checked_alert
};

typedef struct st_event {
    int32_t type;                 // ST_EV_*
    st_hash hash;
    char *message;                // owned by the batch, never NULL
    uint8_t *data;                // owned by the batch, may be NULL
    size_t data_size;
} st_event;

typedef struct st_batch {
    st_event *events;
    size_t event_count;
    st_status *statuses;          // torrents whose status changed since the last post_updates
    size_t status_count;
} st_batch;

/// Waits up to `timeout_ms` for alerts, then drains every pending one into one batch.
/// Returns NULL when nothing arrived. Free with st_batch_free.
st_batch *st_drain(st_session *s, int32_t timeout_ms);
void st_batch_free(st_batch *b);

// ---------------------------------------------------------------------------
// Creating .torrent files

typedef struct st_create_params {
    const char *path;             // file or directory
    const char *const *trackers;  // each its own tier
    size_t tracker_count;
    const char *comment;
    int32_t piece_size;           // 0 = automatic
    int32_t is_private;
} st_create_params;

/// Hashes `path` and returns the bencoded .torrent (malloc'd, free with st_free).
int32_t st_create_torrent(const st_create_params *p, uint8_t **out, size_t *out_size, st_error *err);

void st_free(void *p);
/// The linked libtorrent's version string, e.g. "2.0.8.0".
const char *st_libtorrent_version(void);

#ifdef __cplusplus
}
#endif
#endif
