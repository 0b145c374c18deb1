// libavformat/libavcodec probe media in process. The static inline helpers below exist
// because Swift cannot see function-like macros, and because where side data lives moved
// between FFmpeg releases (stream side data in 5.x/6.0, codec parameters from 6.1 on).
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/pixdesc.h>
#include <libavutil/time.h>
#include <libavutil/channel_layout.h>

/// A wall-clock deadline for one probe, read by libavformat's interrupt callback so a
/// hostile or stalled file cannot hold a scanner thread.
typedef struct seedtui_deadline { int64_t at_us; } seedtui_deadline;

static int seedtui_interrupt_cb(void *opaque) {
    const seedtui_deadline *d = (const seedtui_deadline *)opaque;
    return d != NULL && d->at_us > 0 && av_gettime_relative() > d->at_us;
}

static inline void seedtui_set_deadline(AVFormatContext *ctx, seedtui_deadline *d) {
    ctx->interrupt_callback.callback = seedtui_interrupt_cb;
    ctx->interrupt_callback.opaque = d;
}

/// Whether the stream carries side data of `type` (Dolby Vision configuration, mastering display, ...).
static inline int seedtui_stream_has_side_data(const AVStream *st, enum AVPacketSideDataType type) {
#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(60, 31, 100)
    return av_packet_side_data_get(st->codecpar->coded_side_data, st->codecpar->nb_coded_side_data, type) != NULL;
#else
    return av_stream_get_side_data(st, type, NULL) != NULL;
#endif
}
