// shim.cpp — seedtui_torrent.h implemented over libtorrent-rasterbar 2.0.
//
// Why this file exists: Swift cannot call libtorrent's C++ API safely. libtorrent
// reports failures by throwing, hands out templates and shared_ptrs, and keeps alerts
// alive only until the next pop. This file is the only C++ in the project that
// touches libtorrent; everything above it sees the plain C API of the header.
//
// Rules every function here follows:
//  * Each extern "C" entry point runs its body inside guarded(), which catches every
//    exception and turns it into an st_error. Nothing thrown in C++ reaches Swift.
//  * Memory handed to the caller comes from malloc/calloc, so st_free, st_batch_free
//    and st_detail_free can release it with free().
//  * Torrents are keyed by the 20-byte "best" info-hash they had when they were added
//    (see st_session below). All state shared between threads sits behind a mutex.
#include "seedtui_torrent.h"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/alert_types.hpp>
#include <libtorrent/announce_entry.hpp>
#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>
#include <libtorrent/ip_filter.hpp>
#include <libtorrent/error_code.hpp>
#include <libtorrent/file_storage.hpp>
#include <libtorrent/magnet_uri.hpp>
#include <libtorrent/mmap_disk_io.hpp>
#include <libtorrent/peer_info.hpp>
#include <libtorrent/posix_disk_io.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/session_params.hpp>
#include <libtorrent/settings_pack.hpp>
#include <libtorrent/torrent_handle.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>
#include <libtorrent/version.hpp>
#include <libtorrent/write_resume_data.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace lt = libtorrent;

using Key = lt::sha1_hash;

// The opaque session handle of the header.
struct st_session {
    explicit st_session(lt::session_params &&params) : session(std::move(params)) {}

    lt::session session;

    // Guards the three indexes below; never held across a blocking libtorrent call.
    std::mutex mutex;
    // Live torrents by key. Filled from add_torrent_alert; an entry leaves on
    // ST_OP_REMOVE (so the hash can be added again at once) or on torrent_removed_alert.
    std::unordered_map<Key, lt::torrent_handle> by_key;
    // The reverse: the key each torrent was added under. A hybrid torrent added from a
    // v1 magnet gains a v2 hash with its metadata, which would change its "best" hash;
    // alerts are mapped back through this so the engine always sees the same key.
    // Ordered by the handle's owner, which still works after the torrent is gone.
    std::map<lt::torrent_handle, Key> key_of;
    // Keys of adds queued with async_add_torrent whose add_torrent_alert is pending.
    std::unordered_set<Key> adding;

    // pop_alerts may not run on two threads at once; st_drain holds this.
    std::mutex drain_mutex;

    // The handle for `key`, or an invalid handle. Torrents whose add alert has not been
    // drained yet are found through libtorrent itself (a blocking call, misses only).
    lt::torrent_handle find(Key const &key) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            auto it = by_key.find(key);
            if (it != by_key.end()) return it->second;
        }
        return session.find_torrent(key);
    }

    // The key a torrent was added under; `fallback` names torrents never indexed.
    Key key_for(lt::torrent_handle const &h, lt::info_hash_t const &fallback) {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = key_of.find(h);
        return it != key_of.end() ? it->second : fallback.get_best();
    }

    // The index answers without a round trip; only a torrent missing from it costs the
    // blocking info_hashes() call (at 100,000 resume alerts that call dominated a stop).
    Key key_for(lt::torrent_handle const &h) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            auto it = key_of.find(h);
            if (it != key_of.end()) return it->second;
        }
        return h.info_hashes().get_best();
    }

    // Claims `key` for an add about to be queued; false when it is taken.
    bool begin_add(Key const &key) {
        std::lock_guard<std::mutex> lock(mutex);
        if (by_key.count(key) != 0 || adding.count(key) != 0) return false;
        adding.insert(key);
        return true;
    }

    void end_add(Key const &key) {
        std::lock_guard<std::mutex> lock(mutex);
        adding.erase(key);
    }

    void added(Key const &key, lt::torrent_handle const &h) {
        std::lock_guard<std::mutex> lock(mutex);
        adding.erase(key);
        by_key[key] = h;
        key_of[h] = key;
    }

    // Drops `key` from the live index if it still names `h`.
    void forget(Key const &key, lt::torrent_handle const &h) {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = by_key.find(key);
        if (it != by_key.end() && it->second == h) by_key.erase(it);
    }

    // The torrent is gone from libtorrent: drop both index entries, return its key.
    Key removed(lt::torrent_handle const &h, lt::info_hash_t const &fallback) {
        std::lock_guard<std::mutex> lock(mutex);
        Key key = fallback.get_best();
        auto it = key_of.find(h);
        if (it != key_of.end()) {
            key = it->second;
            key_of.erase(it);
        }
        auto live = by_key.find(key);
        if (live != by_key.end() && live->second == h) by_key.erase(live);
        return key;
    }
};

namespace {

// ---------------------------------------------------------------------------
// Errors

// A failure with a header error code, thrown by helpers and caught by guarded().
struct ShimError : std::runtime_error {
    ShimError(int32_t c, std::string const &message) : std::runtime_error(message), code(c) {}
    int32_t code;
};

[[noreturn]] void fail(int32_t code, std::string const &message) { throw ShimError(code, message); }

void clear_error(st_error *err) {
    if (!err) return;
    err->code = ST_OK;
    err->message[0] = '\0';
}

[[gnu::format(printf, 3, 4)]] void set_error(st_error *err, int32_t code, char const *format, ...) {
    if (!err) return;
    err->code = code;
    va_list args;
    va_start(args, format);
    std::vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
}

bool is_invalid_handle(lt::system_error const &e) {
    return e.code() == lt::errors::invalid_torrent_handle;
}

// Records the exception in flight into `err` and returns its code. Call only from a
// catch block.
int32_t report_current_exception(st_error *err) noexcept {
    try {
        throw;
    } catch (ShimError const &e) {
        set_error(err, e.code, "%s", e.what());
        return e.code;
    } catch (lt::system_error const &e) {
        if (is_invalid_handle(e)) {
            set_error(err, ST_E_NOT_FOUND, "torrent is no longer in the session");
            return ST_E_NOT_FOUND;
        }
        set_error(err, ST_E_INTERNAL, "%s", e.what());
    } catch (std::bad_alloc const &) {
        set_error(err, ST_E_INTERNAL, "out of memory");
    } catch (std::exception const &e) {
        set_error(err, ST_E_INTERNAL, "%s", e.what());
    } catch (...) {
        set_error(err, ST_E_INTERNAL, "unknown C++ exception");
    }
    return ST_E_INTERNAL;
}

// Runs `body`, clearing `err` first; any exception is recorded in `err` and the
// function returns `on_failure`. For entry points that return a value.
template <class R, class Body> R guarded(st_error *err, R on_failure, Body &&body) noexcept {
    try {
        clear_error(err);
        return body();
    } catch (...) {
        report_current_exception(err);
        return on_failure;
    }
}

// The same for entry points that return a status: ST_OK, or the error's code (which
// the caller gets even when it passed no st_error).
template <class Body> int32_t guarded_status(st_error *err, Body &&body) noexcept {
    try {
        clear_error(err);
        body();
        return ST_OK;
    } catch (...) {
        return report_current_exception(err);
    }
}

void require(bool condition, char const *what) {
    if (!condition) fail(ST_E_INVALID, what);
}

// ---------------------------------------------------------------------------
// Memory and strings handed to C

struct FreeDeleter {
    void operator()(void *p) const noexcept { std::free(p); }
};
using CString = std::unique_ptr<char, FreeDeleter>;
using CBytes = std::unique_ptr<uint8_t, FreeDeleter>;

// calloc'd and zeroed; NULL for an empty array.
template <class T> T *alloc_array(size_t n) {
    if (n == 0) return nullptr;
    void *p = std::calloc(n, sizeof(T));
    if (!p) throw std::bad_alloc();
    return static_cast<T *>(p);
}

char *dup_string(std::string_view s) {
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

uint8_t *dup_bytes(char const *data, size_t size) {
    auto *p = static_cast<uint8_t *>(std::malloc(size ? size : 1));
    if (!p) throw std::bad_alloc();
    if (size) std::memcpy(p, data, size);
    return p;
}

// Copies into a fixed buffer, always NUL-terminated. When it must cut, it cuts before
// a UTF-8 sequence rather than through it, so Swift never sees a broken character.
void copy_string(char *dst, size_t capacity, std::string_view src) {
    if (capacity == 0) return;
    size_t n = std::min(src.size(), capacity - 1);
    if (n < src.size())
        while (n > 0 && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) --n;
    std::memcpy(dst, src.data(), n);
    dst[n] = '\0';
}

template <size_t N> void copy_string(char (&dst)[N], std::string_view src) { copy_string(dst, N, src); }

std::string_view view(char const *s) { return s ? std::string_view(s) : std::string_view(); }

// ---------------------------------------------------------------------------
// Hashes

void copy_hash(Key const &key, st_hash *out) { std::memcpy(out->bytes, key.data(), sizeof out->bytes); }

Key to_key(st_hash const &h) { return Key(reinterpret_cast<char const *>(h.bytes)); }

std::string hex(Key const &key) {
    static char const digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(40);
    for (char c : key) {
        auto const b = static_cast<unsigned char>(c);
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out;
}

// The key an add_torrent_params will be known by once added.
Key params_key(lt::add_torrent_params const &atp) {
    return atp.ti ? atp.ti->info_hashes().get_best() : atp.info_hashes.get_best();
}

std::string params_name(lt::add_torrent_params const &atp) {
    if (atp.ti && !atp.ti->name().empty()) return atp.ti->name();
    if (!atp.name.empty()) return atp.name;
    return hex(params_key(atp));
}

// ---------------------------------------------------------------------------
// Settings

// The alerts this shim depends on: add/remove bookkeeping, state updates, resume
// data, storage and error events. A caller's alert_mask can add to these, not drop them.
constexpr lt::alert_category_t required_alerts =
    lt::alert_category::status | lt::alert_category::error | lt::alert_category::storage;

int required_alert_bits() { return static_cast<int>(static_cast<std::uint32_t>(required_alerts)); }

void apply_settings(lt::settings_pack &pack, st_setting const *settings, size_t count) {
    require(settings || count == 0, "settings is NULL but count is not 0");
    for (size_t i = 0; i < count; ++i) {
        st_setting const &s = settings[i];
        require(s.name != nullptr, "a setting has no name");
        int const id = lt::setting_by_name(s.name);
        if (id < 0) fail(ST_E_INVALID, "unknown libtorrent setting '" + std::string(s.name) + "'");
        switch (id & lt::settings_pack::type_mask) {
        case lt::settings_pack::string_type_base:
            pack.set_str(id, s.string_value ? s.string_value : "");
            break;
        case lt::settings_pack::int_type_base:
            if (s.int_value < INT_MIN || s.int_value > INT_MAX)
                fail(ST_E_INVALID, "value " + std::to_string(s.int_value) + " is out of range for setting '" +
                                       s.name + "'");
            pack.set_int(id, static_cast<int>(s.int_value));
            break;
        case lt::settings_pack::bool_type_base:
            pack.set_bool(id, s.int_value != 0);
            break;
        default:
            fail(ST_E_INTERNAL, "setting '" + std::string(s.name) + "' has an unknown type");
        }
    }
    if (pack.has_val(lt::settings_pack::alert_mask))
        pack.set_int(lt::settings_pack::alert_mask, pack.get_int(lt::settings_pack::alert_mask) | required_alert_bits());
}

lt::settings_pack profile_settings(int32_t profile) {
    switch (profile) {
    case ST_PROFILE_HIGH_PERFORMANCE_SEED: return lt::high_performance_seed();
    case ST_PROFILE_MIN_MEMORY: return lt::min_memory_usage();
    default: return lt::settings_pack();
    }
}

lt::disk_io_constructor_type disk_io_constructor(int32_t disk_io) {
    switch (disk_io) {
    case ST_DISK_IO_MMAP: return lt::mmap_disk_io_constructor;
    case ST_DISK_IO_POSIX: return lt::posix_disk_io_constructor;
    default: return lt::default_disk_io_constructor;
    }
}

// ---------------------------------------------------------------------------
// Parsing what the caller hands in

std::shared_ptr<lt::torrent_info> parse_torrent(uint8_t const *data, size_t size) {
    lt::error_code ec;
    auto ti = std::make_shared<lt::torrent_info>(
        lt::span<char const>(reinterpret_cast<char const *>(data), static_cast<std::ptrdiff_t>(size)), ec,
        lt::from_span);
    if (ec) fail(ST_E_INVALID, "not a valid .torrent file: " + ec.message());
    return ti;
}

lt::add_torrent_params parse_magnet(char const *uri) {
    lt::error_code ec;
    lt::add_torrent_params atp = lt::parse_magnet_uri(uri, ec);
    if (ec) fail(ST_E_INVALID, "not a valid magnet link: " + ec.message());
    return atp;
}

lt::add_torrent_params parse_resume(uint8_t const *data, size_t size) {
    lt::error_code ec;
    lt::add_torrent_params atp = lt::read_resume_data(
        lt::span<char const>(reinterpret_cast<char const *>(data), static_cast<std::ptrdiff_t>(size)), ec);
    if (ec) fail(ST_E_INVALID, "not valid resume data: " + ec.message());
    return atp;
}

void set_flag(lt::add_torrent_params &atp, lt::torrent_flags_t flag, bool on) {
    if (on)
        atp.flags |= flag;
    else
        atp.flags &= ~flag;
}

void apply_add_flags(lt::add_torrent_params &atp, uint32_t flags, bool from_resume) {
    // Whether a torrent runs and whether the queue manages it is always the engine's
    // call, even for resume data that says otherwise.
    set_flag(atp, lt::torrent_flags::paused, flags & ST_ADD_PAUSED);
    set_flag(atp, lt::torrent_flags::auto_managed, flags & ST_ADD_AUTO_MANAGED);
    // Sequential download and seed mode saved in resume data stay unless asked for.
    if (!from_resume || (flags & ST_ADD_SEQUENTIAL))
        set_flag(atp, lt::torrent_flags::sequential_download, flags & ST_ADD_SEQUENTIAL);
    if (!from_resume || (flags & ST_ADD_SEED_MODE)) set_flag(atp, lt::torrent_flags::seed_mode, flags & ST_ADD_SEED_MODE);
    // State updates must cover every torrent, and a duplicate must be reported.
    atp.flags |= lt::torrent_flags::update_subscribe | lt::torrent_flags::duplicate_is_error;
}

// libtorrent's "unlimited" is -1; the header's is 0.
int rate_limit(int64_t bytes_per_second) {
    if (bytes_per_second <= 0) return -1;
    return static_cast<int>(std::min<int64_t>(bytes_per_second, INT_MAX));
}

lt::add_torrent_params build_add_params(st_add_params const &p) {
    lt::add_torrent_params atp;
    bool const from_resume = p.resume_data != nullptr;
    if (from_resume) {
        atp = parse_resume(p.resume_data, p.resume_size);
        if (!atp.ti && p.torrent_data) atp.ti = parse_torrent(p.torrent_data, p.torrent_size);
    } else if (p.torrent_data) {
        atp.ti = parse_torrent(p.torrent_data, p.torrent_size);
    } else if (p.magnet_uri) {
        atp = parse_magnet(p.magnet_uri);
    } else {
        fail(ST_E_INVALID, "nothing to add: give .torrent bytes, a magnet link or resume data");
    }

    if (p.save_path && *p.save_path) atp.save_path = p.save_path;
    require(!atp.save_path.empty(), "a save path is required");

    apply_add_flags(atp, p.flags, from_resume);

    if (p.file_priorities) {
        atp.file_priorities.clear();
        atp.file_priorities.reserve(p.file_priority_count);
        for (size_t i = 0; i < p.file_priority_count; ++i) {
            uint8_t const prio = p.file_priorities[i];
            if (prio > 7)
                fail(ST_E_INVALID, "file priority " + std::to_string(prio) + " for file " + std::to_string(i) +
                                       " is outside 0..7");
            atp.file_priorities.push_back(lt::download_priority_t(prio));
        }
    }
    atp.download_limit = rate_limit(p.download_limit);
    atp.upload_limit = rate_limit(p.upload_limit);
    return atp;
}

void fill_meta(lt::torrent_info const &ti, st_torrent_meta *out) {
    copy_hash(ti.info_hashes().get_best(), &out->hash);
    copy_string(out->name, ti.name());
    out->total_size = ti.total_size();
    out->num_files = ti.num_files();
    out->has_metadata = 1;
}

// ---------------------------------------------------------------------------
// Status

// Enough to fill st_status: the name, and the torrent_info for the total size.
lt::status_flags_t const status_query = lt::torrent_handle::query_name | lt::torrent_handle::query_torrent_file;

int64_t seconds_since(lt::time_point t) {
    // libtorrent reports "never" as a time at or before the clock's epoch.
    if (t <= lt::time_point()) return -1;
    auto const elapsed = std::chrono::duration_cast<std::chrono::seconds>(lt::clock_type::now() - t);
    return std::max<int64_t>(0, elapsed.count());
}

uint32_t status_flags(lt::torrent_status const &st) {
    uint32_t f = 0;
    if (st.flags & lt::torrent_flags::paused) f |= ST_FLAG_PAUSED;
    if (st.flags & lt::torrent_flags::auto_managed) f |= ST_FLAG_AUTO_MANAGED;
    if (st.has_metadata) f |= ST_FLAG_HAS_METADATA;
    if (st.errc) f |= ST_FLAG_ERROR;
    if (st.flags & lt::torrent_flags::sequential_download) f |= ST_FLAG_SEQUENTIAL;
    if (st.need_save_resume) f |= ST_FLAG_NEED_SAVE_RESUME;
    if (st.is_finished) f |= ST_FLAG_IS_FINISHED;
    if (st.is_seeding) f |= ST_FLAG_IS_SEEDING;
    if (st.moving_storage) f |= ST_FLAG_MOVING;
    return f;
}

std::string describe_error(lt::torrent_status const &st, lt::torrent_info const *ti) {
    std::string text = st.errc.message();
    if (ti && st.error_file >= lt::file_index_t(0) && st.error_file < ti->files().end_file())
        text += " (" + ti->files().file_path(st.error_file) + ")";
    return text;
}

void fill_status(lt::torrent_status const &st, Key const &key, st_status *out) {
    std::memset(out, 0, sizeof *out);
    std::shared_ptr<lt::torrent_info const> const ti = st.torrent_file.lock();

    copy_hash(key, &out->hash);
    copy_string(out->name, st.name);
    if (st.errc) copy_string(out->error, describe_error(st, ti.get()));
    out->state = static_cast<int32_t>(st.state);
    out->flags = status_flags(st);
    out->progress = st.progress;
    out->total_size = ti ? ti->total_size() : 0;
    out->total_wanted = st.total_wanted;
    out->total_wanted_done = st.total_wanted_done;
    out->all_time_download = st.all_time_download;
    out->all_time_upload = st.all_time_upload;
    out->download_rate = st.download_payload_rate;
    out->upload_rate = st.upload_payload_rate;
    out->num_peers = st.num_peers;
    out->num_seeds = st.num_seeds;
    out->list_peers = st.list_peers;
    out->list_seeds = st.list_seeds;
    out->queue_position = static_cast<int32_t>(static_cast<int>(st.queue_position));
    // torrent_status carries no rate limits, and asking each handle would block once
    // per torrent; the limits stay 0 here and the engine keeps its own.
    out->download_limit = 0;
    out->upload_limit = 0;
    out->active_seconds = st.active_duration.count();
    out->seeding_seconds = st.seeding_duration.count();
    out->finished_seconds = st.finished_duration.count();
    out->seconds_since_upload = seconds_since(st.last_upload);
    out->seconds_since_download = seconds_since(st.last_download);
    out->completed_at = static_cast<int64_t>(st.completed_time);
}

// ---------------------------------------------------------------------------
// Detail

struct DetailDeleter {
    void operator()(st_detail *d) const noexcept { st_detail_free(d); }
};
using DetailPtr = std::unique_ptr<st_detail, DetailDeleter>;

void fill_files(st_detail &d, lt::torrent_handle const &h, lt::torrent_info const &ti) {
    lt::file_storage const &fs = ti.files();
    std::vector<std::int64_t> const progress = h.file_progress(lt::torrent_handle::piece_granularity);
    std::vector<lt::download_priority_t> const priorities = h.get_file_priorities();

    // Every file, pad files included, so that position i is libtorrent's file index i.
    size_t const n = static_cast<size_t>(fs.num_files());
    d.files = alloc_array<st_file>(n);
    d.file_count = n;
    for (size_t i = 0; i < n; ++i) {
        lt::file_index_t const index(static_cast<int>(i));
        st_file &f = d.files[i];
        f.path = dup_string(fs.file_path(index));
        f.size = fs.file_size(index);
        f.downloaded = i < progress.size() ? progress[i] : 0;
        f.priority = i < priorities.size() ? static_cast<int32_t>(static_cast<std::uint8_t>(priorities[i]))
                                           : static_cast<int32_t>(static_cast<std::uint8_t>(lt::default_priority));
    }
}

void fill_peers(st_detail &d, lt::torrent_handle const &h) {
    std::vector<lt::peer_info> peers;
    h.get_peer_info(peers);
    d.peers = alloc_array<st_peer>(peers.size());
    d.peer_count = peers.size();
    for (size_t i = 0; i < peers.size(); ++i) {
        lt::peer_info const &pi = peers[i];
        st_peer &out = d.peers[i];
        std::string const ip = pi.ip.address().to_string();
        std::string const port = std::to_string(pi.ip.port());
        copy_string(out.address, pi.ip.address().is_v6() ? "[" + ip + "]:" + port : ip + ":" + port);
        copy_string(out.client, pi.client);
        out.progress = pi.progress;
        out.download_rate = pi.payload_down_speed;
        out.upload_rate = pi.payload_up_speed;
        int32_t flags = 0;
        if (pi.flags & lt::peer_info::seed) flags |= 1;
        if (pi.flags & (lt::peer_info::rc4_encrypted | lt::peer_info::plaintext_encrypted)) flags |= 2;
        if (!(pi.flags & lt::peer_info::local_connection)) flags |= 4;
        if (pi.flags & lt::peer_info::utp_socket) flags |= 8;
        out.flags = flags;
    }
}

std::string describe_announce_error(lt::announce_infohash const &a) {
    std::string text = a.last_error ? a.last_error.message() : std::string("announce failed");
    if (!a.message.empty()) text += ": " + a.message;
    return text;
}

// Folds a tracker's per-endpoint, per-protocol announce states into one line:
// working if any announce got through, else updating, else failed, else untouched.
void fill_tracker(lt::announce_entry const &ae, st_tracker &out) {
    bool working = false, updating = false, failed = false;
    std::string error, note;
    int seeds = -1, peers = -1;
    for (lt::announce_endpoint const &ep : ae.endpoints) {
        for (lt::announce_infohash const &a : ep.info_hashes) {
            if (a.updating) updating = true;
            if (a.fails > 0 || a.last_error) {
                failed = true;
                if (error.empty()) error = describe_announce_error(a);
            } else if (a.start_sent) {
                working = true;
            }
            if (note.empty() && !a.message.empty()) note = a.message;
            seeds = std::max(seeds, a.scrape_complete);
            peers = std::max(peers, a.scrape_incomplete);
        }
    }
    out.url = dup_string(ae.url);
    out.tier = ae.tier;
    out.status = working ? 1 : updating ? 2 : failed ? 3 : 0;
    copy_string(out.message, out.status == 3 ? error : note);
    out.seeds = seeds;
    out.peers = peers;
}

void fill_trackers(st_detail &d, lt::torrent_handle const &h) {
    std::vector<lt::announce_entry> const trackers = h.trackers();
    d.trackers = alloc_array<st_tracker>(trackers.size());
    d.tracker_count = trackers.size();
    for (size_t i = 0; i < trackers.size(); ++i) fill_tracker(trackers[i], d.trackers[i]);
}

void fill_pieces(st_detail &d, lt::torrent_handle const &h) {
    if (d.num_pieces <= 0) return;
    lt::torrent_status const st = h.status(lt::torrent_handle::query_pieces);
    d.pieces = alloc_array<uint8_t>(static_cast<size_t>(d.num_pieces));
    int const known = std::min(d.num_pieces, st.pieces.size());
    for (int i = 0; i < known; ++i) d.pieces[i] = st.pieces[lt::piece_index_t(i)] ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Events

// An event being collected; owns its C strings until the batch is published.
struct PendingEvent {
    int32_t type;
    Key hash;
    CString message;
    CBytes data;
    size_t data_size;
};

struct Collected {
    std::vector<PendingEvent> events;
    std::vector<st_status> statuses;

    void add(int32_t type, Key const &hash, std::string_view message, CBytes data = nullptr, size_t data_size = 0) {
        events.push_back(PendingEvent{type, hash, CString(dup_string(message)), std::move(data), data_size});
    }
};

struct BatchDeleter {
    void operator()(st_batch *b) const noexcept { st_batch_free(b); }
};

st_batch *publish(Collected &c) {
    std::unique_ptr<st_batch, BatchDeleter> batch(static_cast<st_batch *>(std::calloc(1, sizeof(st_batch))));
    if (!batch) throw std::bad_alloc();
    batch->events = alloc_array<st_event>(c.events.size());
    batch->statuses = alloc_array<st_status>(c.statuses.size());
    // Nothing below can fail: ownership moves from the pending events into the batch.
    for (PendingEvent &e : c.events) {
        st_event &out = batch->events[batch->event_count++];
        out.type = e.type;
        copy_hash(e.hash, &out.hash);
        out.message = e.message.release();
        out.data_size = e.data ? e.data_size : 0;
        out.data = e.data.release();
    }
    if (!c.statuses.empty()) std::memcpy(batch->statuses, c.statuses.data(), c.statuses.size() * sizeof(st_status));
    batch->status_count = c.statuses.size();
    return batch.release();
}

void on_state_update(st_session &s, lt::state_update_alert const &a, Collected &c) {
    for (lt::torrent_status const &st : a.status) {
        st_status out;
        fill_status(st, s.key_for(st.handle, st.info_hashes), &out);
        c.statuses.push_back(out);
    }
}

void on_add(st_session &s, lt::add_torrent_alert const &a, Collected &c) {
    Key key = params_key(a.params);
    if (key.is_all_zeros() && a.handle.is_valid()) key = a.handle.info_hashes().get_best();
    std::string const name = params_name(a.params);
    if (a.error) {
        s.end_add(key);
        c.add(ST_EV_ADD_FAILED, key, "could not add " + name + ": " + a.error.message());
    } else {
        s.added(key, a.handle);
        c.add(ST_EV_ADDED, key, name);
    }
}

void on_resume_data(st_session &s, lt::save_resume_data_alert const &a, Collected &c) {
    std::vector<char> const buf = lt::write_resume_data_buf(a.params);
    c.add(ST_EV_RESUME_DATA, s.key_for(a.handle), a.torrent_name(), CBytes(dup_bytes(buf.data(), buf.size())),
          buf.size());
}

void on_resume_failed(st_session &s, lt::save_resume_data_failed_alert const &a, Collected &c) {
    // Asked for "only if modified" and it was not: nothing happened, nothing to say.
    if (a.error == lt::errors::resume_data_not_modified) return;
    c.add(ST_EV_RESUME_FAILED, s.key_for(a.handle), a.error.message());
}

std::string join(std::string_view what, std::string_view why) {
    if (what.empty()) return std::string(why);
    std::string text(what);
    text += ": ";
    text += why;
    return text;
}

void on_tracker_error(st_session &s, lt::tracker_error_alert const &a, Collected &c) {
    std::string_view const reason = view(a.failure_reason());
    std::string const why = reason.empty() ? a.error.message() : std::string(reason);
    c.add(ST_EV_TRACKER_ERROR, s.key_for(a.handle), join(view(a.tracker_url()), why));
}

// Events whose message is simply the torrent's name.
int32_t named_event_type(int alert_type) {
    switch (alert_type) {
    case lt::torrent_finished_alert::alert_type: return ST_EV_FINISHED;
    case lt::metadata_received_alert::alert_type: return ST_EV_METADATA_RECEIVED;
    case lt::torrent_paused_alert::alert_type: return ST_EV_PAUSED;
    case lt::torrent_resumed_alert::alert_type: return ST_EV_RESUMED;
    case lt::torrent_checked_alert::alert_type: return ST_EV_CHECKED;
    default: return 0;
    }
}

void convert_alert(st_session &s, lt::alert const *a, Collected &c) {
    if (auto const *x = lt::alert_cast<lt::state_update_alert>(a)) return on_state_update(s, *x, c);
    if (auto const *x = lt::alert_cast<lt::add_torrent_alert>(a)) return on_add(s, *x, c);
    if (auto const *x = lt::alert_cast<lt::save_resume_data_alert>(a)) return on_resume_data(s, *x, c);
    if (auto const *x = lt::alert_cast<lt::save_resume_data_failed_alert>(a)) return on_resume_failed(s, *x, c);
    if (auto const *x = lt::alert_cast<lt::tracker_error_alert>(a)) return on_tracker_error(s, *x, c);

    if (auto const *x = lt::alert_cast<lt::torrent_removed_alert>(a))
        return c.add(ST_EV_REMOVED, s.removed(x->handle, x->info_hashes), x->torrent_name());
    if (auto const *x = lt::alert_cast<lt::torrent_deleted_alert>(a))
        return c.add(ST_EV_DELETED, s.key_for(x->handle, x->info_hashes), x->torrent_name());
    if (auto const *x = lt::alert_cast<lt::torrent_delete_failed_alert>(a))
        return c.add(ST_EV_DELETE_FAILED, s.key_for(x->handle, x->info_hashes), x->error.message());
    if (auto const *x = lt::alert_cast<lt::storage_moved_alert>(a))
        return c.add(ST_EV_STORAGE_MOVED, s.key_for(x->handle), view(x->storage_path()));
    if (auto const *x = lt::alert_cast<lt::storage_moved_failed_alert>(a))
        return c.add(ST_EV_STORAGE_MOVE_FAILED, s.key_for(x->handle), join(view(x->file_path()), x->error.message()));
    if (auto const *x = lt::alert_cast<lt::file_error_alert>(a))
        return c.add(ST_EV_FILE_ERROR, s.key_for(x->handle), join(view(x->filename()), x->error.message()));
    if (auto const *x = lt::alert_cast<lt::hash_failed_alert>(a))
        return c.add(ST_EV_HASH_FAILED, s.key_for(x->handle), x->message());
    if (auto const *x = lt::alert_cast<lt::listen_failed_alert>(a)) return c.add(ST_EV_LISTEN_FAILED, Key(), x->message());
    if (auto const *x = lt::alert_cast<lt::listen_succeeded_alert>(a)) return c.add(ST_EV_LISTEN_OK, Key(), x->message());

    if (int32_t const type = named_event_type(a->type())) {
        auto const *t = static_cast<lt::torrent_alert const *>(a);
        return c.add(type, s.key_for(t->handle), t->torrent_name());
    }
    // Every other alert is of no interest to the engine.
}

// ---------------------------------------------------------------------------
// Operations

bool is_known_op(int32_t op) { return op >= ST_OP_PAUSE && op <= ST_OP_FORCE_START; }

void apply_op(st_session &s, Key const &key, lt::torrent_handle const &h, int32_t op, int64_t arg) {
    switch (op) {
    case ST_OP_PAUSE:
        // Not auto-managed, or the queue would start it again.
        h.unset_flags(lt::torrent_flags::auto_managed);
        h.pause(lt::torrent_handle::graceful_pause);
        break;
    case ST_OP_RESUME:
        h.set_flags(lt::torrent_flags::auto_managed);
        h.resume();
        break;
    case ST_OP_RECHECK: h.force_recheck(); break;
    case ST_OP_REANNOUNCE: h.force_reannounce(0, -1, lt::torrent_handle::ignore_min_interval); break;
    case ST_OP_QUEUE_TOP: h.queue_position_top(); break;
    case ST_OP_QUEUE_UP: h.queue_position_up(); break;
    case ST_OP_QUEUE_DOWN: h.queue_position_down(); break;
    case ST_OP_QUEUE_BOTTOM: h.queue_position_bottom(); break;
    case ST_OP_SAVE_RESUME:
        h.save_resume_data(arg == 1 ? lt::torrent_handle::only_if_modified | lt::torrent_handle::save_info_dict
                                    : lt::torrent_handle::save_info_dict);
        break;
    case ST_OP_REMOVE:
        s.session.remove_torrent(h, arg != 0 ? lt::session_handle::delete_files : lt::remove_flags_t{});
        s.forget(key, h);
        break;
    case ST_OP_SET_DOWNLOAD_LIMIT: h.set_download_limit(rate_limit(arg)); break;
    case ST_OP_SET_UPLOAD_LIMIT: h.set_upload_limit(rate_limit(arg)); break;
    case ST_OP_SET_SEQUENTIAL:
        if (arg != 0)
            h.set_flags(lt::torrent_flags::sequential_download);
        else
            h.unset_flags(lt::torrent_flags::sequential_download);
        break;
    case ST_OP_SET_AUTO_MANAGED:
        if (arg != 0)
            h.set_flags(lt::torrent_flags::auto_managed);
        else
            h.unset_flags(lt::torrent_flags::auto_managed);
        break;
    case ST_OP_FORCE_START:
        h.unset_flags(lt::torrent_flags::auto_managed);
        h.resume();
        break;
    default: fail(ST_E_INVALID, "unknown operation " + std::to_string(op));
    }
}

// The handle for `hash`, or ST_E_NOT_FOUND.
lt::torrent_handle require_handle(st_session &s, st_hash const &hash) {
    lt::torrent_handle h = s.find(to_key(hash));
    if (!h.is_valid()) fail(ST_E_NOT_FOUND, "no torrent " + hex(to_key(hash)) + " in the session");
    return h;
}

// ---------------------------------------------------------------------------
// Creating torrents

std::string without_trailing_slashes(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

std::string parent_dir(std::string const &path) {
    size_t const slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

bool is_valid_piece_size(int32_t size) {
    if (size == 0) return true;  // libtorrent picks one
    return size >= 16 * 1024 && (size & (size - 1)) == 0;
}

std::vector<char> create_torrent_file(st_create_params const &p) {
    require(p.path && *p.path, "a path to share is required");
    require(p.trackers || p.tracker_count == 0, "trackers is NULL but tracker_count is not 0");
    if (!is_valid_piece_size(p.piece_size))
        fail(ST_E_INVALID, "piece size " + std::to_string(p.piece_size) + " is not a power of two of at least 16 KiB");

    std::string const path = without_trailing_slashes(p.path);
    struct stat info;
    if (::stat(path.c_str(), &info) != 0) fail(ST_E_IO, "cannot read " + path + ": " + std::strerror(errno));

    // v1 only: aria2, Transmission and most trackers still speak only v1 info-hashes.
    lt::create_flags_t const flags = lt::create_torrent::v1_only;
    lt::file_storage fs;
    lt::add_files(fs, path, flags);
    if (fs.num_files() == 0 || fs.total_size() == 0) fail(ST_E_INVALID, "nothing to share at " + path);

    lt::create_torrent t(fs, p.piece_size, flags);
    for (size_t i = 0; i < p.tracker_count; ++i)
        if (p.trackers[i] && *p.trackers[i]) t.add_tracker(p.trackers[i], static_cast<int>(std::min<size_t>(i, 255)));
    if (p.comment && *p.comment) t.set_comment(p.comment);
    t.set_priv(p.is_private != 0);
    t.set_creator("seedtui");

    lt::error_code ec;
    lt::set_piece_hashes(t, parent_dir(path), ec);
    if (ec) fail(ST_E_IO, "could not hash " + path + ": " + ec.message());

    std::vector<char> out;
    lt::bencode(std::back_inserter(out), t.generate());
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// The C API

extern "C" {

st_session *st_session_create(int32_t profile, int32_t disk_io, st_setting const *settings, size_t count,
                              st_error *err) {
    return guarded(err, static_cast<st_session *>(nullptr), [&] {
        lt::settings_pack pack = profile_settings(profile);
        pack.set_int(lt::settings_pack::alert_mask, required_alert_bits());
        apply_settings(pack, settings, count);
        lt::session_params params(std::move(pack));
        params.disk_io_constructor = disk_io_constructor(disk_io);
        return new st_session(std::move(params));
    });
}

void st_session_destroy(st_session *s) {
    if (!s) return;
    guarded(nullptr, 0, [&] {
        s->session.pause();
        return 0;
    });
    // ~session blocks until libtorrent has shut down (trackers told, files closed).
    delete s;
}

int32_t st_session_apply_settings(st_session *s, st_setting const *settings, size_t count, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr, "session is NULL");
        lt::settings_pack pack;
        apply_settings(pack, settings, count);
        s->session.apply_settings(std::move(pack));
    });
}

int32_t st_session_set_paused(st_session *s, int32_t paused, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr, "session is NULL");
        if (paused)
            s->session.pause();
        else
            s->session.resume();
    });
}

int32_t st_session_limit_local_peers(st_session *s, int32_t limited, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr, "session is NULL");
        // libtorrent puts LAN and loopback peers in an unlimited class by default; mapping
        // every address to the global class makes the global rate limits apply to them too.
        lt::ip_filter filter;
        std::uint32_t const global = 1u << static_cast<std::uint32_t>(lt::session::global_peer_class_id);
        std::uint32_t const local = 1u << static_cast<std::uint32_t>(lt::session::local_peer_class_id);
        filter.add_rule(lt::make_address("0.0.0.0"), lt::make_address("255.255.255.255"), global);
        filter.add_rule(lt::make_address("::"), lt::make_address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), global);
        if (!limited) {
            for (auto const &range : {std::pair<char const *, char const *>{"10.0.0.0", "10.255.255.255"},
                                      {"172.16.0.0", "172.31.255.255"}, {"192.168.0.0", "192.168.255.255"},
                                      {"169.254.0.0", "169.254.255.255"}, {"127.0.0.0", "127.255.255.255"}})
                filter.add_rule(lt::make_address(range.first), lt::make_address(range.second), local);
        }
        s->session.set_peer_class_filter(filter);
    });
}

int32_t st_session_listen_port(st_session *s) {
    return guarded(nullptr, 0, [&] { return s ? static_cast<int32_t>(s->session.listen_port()) : 0; });
}

int32_t st_inspect(st_add_params const *p, st_torrent_meta *out, st_error *err) {
    return guarded_status(err, [&] {
        require(p != nullptr && out != nullptr, "params and out are required");
        std::memset(out, 0, sizeof *out);
        if (p->torrent_data) {
            fill_meta(*parse_torrent(p->torrent_data, p->torrent_size), out);
        } else if (p->magnet_uri) {
            lt::add_torrent_params const atp = parse_magnet(p->magnet_uri);
            copy_hash(atp.info_hashes.get_best(), &out->hash);
            copy_string(out->name, atp.name);
        } else if (p->resume_data) {
            lt::add_torrent_params const atp = parse_resume(p->resume_data, p->resume_size);
            if (atp.ti) {
                fill_meta(*atp.ti, out);
            } else {
                copy_hash(atp.info_hashes.get_best(), &out->hash);
                copy_string(out->name, atp.name);
            }
        } else {
            fail(ST_E_INVALID, "nothing to inspect: give .torrent bytes, a magnet link or resume data");
        }
    });
}

int32_t st_add(st_session *s, st_add_params const *p, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr && p != nullptr, "session and params are required");
        lt::add_torrent_params atp = build_add_params(*p);
        Key const key = params_key(atp);
        if (!s->begin_add(key)) fail(ST_E_DUPLICATE, "torrent is already in the session");
        try {
            s->session.async_add_torrent(std::move(atp));
        } catch (...) {
            s->end_add(key);
            throw;
        }
    });
}

int32_t st_apply(st_session *s, st_hash const *hashes, size_t count, int32_t op, int64_t arg, st_error *err) {
    return guarded(err, 0, [&] {
        require(s != nullptr, "session is NULL");
        require(hashes || count == 0, "hashes is NULL but count is not 0");
        if (!is_known_op(op)) fail(ST_E_INVALID, "unknown operation " + std::to_string(op));

        // One torrent's failure must not stop the rest: each is tried, the first
        // problem is kept in err.
        int32_t found = 0;
        for (size_t i = 0; i < count; ++i) {
            Key const key = to_key(hashes[i]);
            st_error item;
            clear_error(&item);
            try {
                lt::torrent_handle const h = s->find(key);
                if (!h.is_valid()) fail(ST_E_NOT_FOUND, "no torrent " + hex(key) + " in the session");
                apply_op(*s, key, h, op, arg);
            } catch (...) {
                report_current_exception(&item);
            }
            if (item.code != ST_E_NOT_FOUND) ++found;
            if (item.code != ST_OK && err && err->code == ST_OK) *err = item;
        }
        return found;
    });
}

int32_t st_move_storage(st_session *s, st_hash const *hash, char const *path, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr && hash != nullptr, "session and hash are required");
        require(path && *path, "a destination path is required");
        require_handle(*s, *hash).move_storage(path, lt::move_flags_t::dont_replace);
    });
}

int32_t st_set_file_priorities(st_session *s, st_hash const *hash, int32_t const *indices,
                               uint8_t const *priorities, size_t count, st_error *err) {
    return guarded_status(err, [&] {
        require(s != nullptr && hash != nullptr, "session and hash are required");
        require((indices && priorities) || count == 0, "indices and priorities are required");
        for (size_t i = 0; i < count; ++i) {
            if (indices[i] < 0) fail(ST_E_INVALID, "file index " + std::to_string(indices[i]) + " is negative");
            if (priorities[i] > 7)
                fail(ST_E_INVALID, "file priority " + std::to_string(priorities[i]) + " is outside 0..7");
        }
        lt::torrent_handle const h = require_handle(*s, *hash);
        for (size_t i = 0; i < count; ++i)
            h.file_priority(lt::file_index_t(indices[i]), lt::download_priority_t(priorities[i]));
    });
}

void st_post_updates(st_session *s) {
    guarded(nullptr, 0, [&] {
        if (s) s->session.post_torrent_updates(status_query);
        return 0;
    });
}

int32_t st_get_status(st_session *s, st_hash const *hashes, size_t count, st_status **out, size_t *out_count,
                      st_error *err) {
    if (out) *out = nullptr;
    if (out_count) *out_count = 0;
    return guarded_status(err, [&] {
        require(s != nullptr && out != nullptr && out_count != nullptr, "session, out and out_count are required");
        require(hashes || count == 0, "hashes is NULL but count is not 0");

        // Keys and statuses side by side; a hash not in the session is left out.
        std::vector<std::pair<Key, lt::torrent_status>> found;
        if (count == 0) {
            auto all = s->session.get_torrent_status([](lt::torrent_status const &) { return true; }, status_query);
            found.reserve(all.size());
            for (lt::torrent_status &st : all) {
                Key const key = s->key_for(st.handle, st.info_hashes);
                found.emplace_back(key, std::move(st));
            }
        } else if (count > 8) {
            // Many torrents: one round trip to the network thread instead of one per torrent.
            std::unordered_set<Key> wanted;
            wanted.reserve(count);
            for (size_t i = 0; i < count; ++i) wanted.insert(to_key(hashes[i]));
            auto some = s->session.get_torrent_status(
                [&](lt::torrent_status const &st) { return wanted.count(s->key_for(st.handle, st.info_hashes)) != 0; },
                status_query);
            found.reserve(some.size());
            for (lt::torrent_status &st : some) {
                Key const key = s->key_for(st.handle, st.info_hashes);
                found.emplace_back(key, std::move(st));
            }
        } else {
            found.reserve(count);
            for (size_t i = 0; i < count; ++i) {
                Key const key = to_key(hashes[i]);
                lt::torrent_handle const h = s->find(key);
                if (!h.is_valid()) continue;
                try {
                    found.emplace_back(key, h.status(status_query));
                } catch (lt::system_error const &e) {
                    if (!is_invalid_handle(e)) throw;  // removed meanwhile: left out like any miss
                }
            }
        }

        st_status *statuses = alloc_array<st_status>(found.size());
        for (size_t i = 0; i < found.size(); ++i) fill_status(found[i].second, found[i].first, &statuses[i]);
        *out = statuses;
        *out_count = found.size();
    });
}

st_detail *st_get_detail(st_session *s, st_hash const *hash, int32_t what, st_error *err) {
    return guarded(err, static_cast<st_detail *>(nullptr), [&] {
        require(s != nullptr && hash != nullptr, "session and hash are required");
        lt::torrent_handle const h = require_handle(*s, *hash);

        DetailPtr d(static_cast<st_detail *>(std::calloc(1, sizeof(st_detail))));
        if (!d) throw std::bad_alloc();
        std::shared_ptr<lt::torrent_info const> const ti = h.torrent_file();
        if (ti) {
            d->num_pieces = ti->num_pieces();
            d->piece_length = ti->piece_length();
        }
        if ((what & ST_DETAIL_FILES) && ti) fill_files(*d, h, *ti);
        if (what & ST_DETAIL_PEERS) fill_peers(*d, h);
        if (what & ST_DETAIL_TRACKERS) fill_trackers(*d, h);
        if (what & ST_DETAIL_PIECES) fill_pieces(*d, h);
        return d.release();
    });
}

void st_detail_free(st_detail *d) {
    if (!d) return;
    for (size_t i = 0; i < d->file_count; ++i) std::free(d->files[i].path);
    for (size_t i = 0; i < d->tracker_count; ++i) std::free(d->trackers[i].url);
    std::free(d->files);
    std::free(d->peers);
    std::free(d->trackers);
    std::free(d->pieces);
    std::free(d);
}

st_batch *st_drain(st_session *s, int32_t timeout_ms) {
    return guarded(nullptr, static_cast<st_batch *>(nullptr), [&]() -> st_batch * {
        if (!s) return nullptr;
        std::lock_guard<std::mutex> drain(s->drain_mutex);
        if (!s->session.wait_for_alert(lt::milliseconds(std::max(0, timeout_ms)))) return nullptr;

        // Alerts die at the next pop_alerts: everything is copied out before returning.
        std::vector<lt::alert *> alerts;
        s->session.pop_alerts(&alerts);
        Collected collected;
        for (lt::alert const *a : alerts) {
            try {
                convert_alert(*s, a, collected);
            } catch (std::bad_alloc const &) {
                throw;
            } catch (...) {
                // One alert that cannot be converted must not cost the batch the others.
            }
        }
        return publish(collected);
    });
}

void st_batch_free(st_batch *b) {
    if (!b) return;
    for (size_t i = 0; i < b->event_count; ++i) {
        std::free(b->events[i].message);
        std::free(b->events[i].data);
    }
    std::free(b->events);
    std::free(b->statuses);
    std::free(b);
}

int32_t st_create_torrent(st_create_params const *p, uint8_t **out, size_t *out_size, st_error *err) {
    if (out) *out = nullptr;
    if (out_size) *out_size = 0;
    return guarded_status(err, [&] {
        require(p != nullptr && out != nullptr && out_size != nullptr, "params, out and out_size are required");
        std::vector<char> const bytes = create_torrent_file(*p);
        *out = dup_bytes(bytes.data(), bytes.size());
        *out_size = bytes.size();
    });
}

void st_free(void *p) { std::free(p); }

char const *st_libtorrent_version(void) {
    return guarded(nullptr, static_cast<char const *>(LIBTORRENT_VERSION), [] { return lt::version(); });
}

}  // extern "C"
