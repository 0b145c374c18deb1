// libexif decodes the EXIF (TIFF) block of photos; the containers around it
// (JPEG APP1, PNG eXIf, WebP EXIF, HEIC Exif item, TIFF-based RAW) are found in Swift.
#include <libexif/exif-data.h>
#include <libexif/exif-loader.h>
#include <libexif/exif-utils.h>
#include <libexif/exif-tag.h>
