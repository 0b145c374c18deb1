/// What the library keeps about one photo.
///
/// Dimensions and format come from the container (JPEG SOF, PNG IHDR, WebP, HEIF `ispe`)
/// so a photo without EXIF still has them; the rest comes from EXIF when there is any.
public struct PhotoMetadata: Sendable, Codable, Equatable {
    public var width: Int?
    public var height: Int?
    /// When it was taken, ISO 8601 local time (`2019-07-14T18:30:05`), with the offset
    /// (`2019-07-14T18:30:05+02:00`) when the camera recorded one.
    public var takenAt: String?
    /// `Make Model` without the make twice (`Canon EOS R5`, not `Canon Canon EOS R5`).
    public var camera: String?
    /// Degrees, south and west negative.
    public var latitude: Double?
    public var longitude: Double?
    /// EXIF orientation, 1 to 8; the dimensions are as stored, before rotation.
    public var orientation: Int?
    /// `JPEG`, `PNG`, `WebP`, `HEIC`, `HEIF`, `AVIF`, `GIF`, `BMP`, `TIFF`, or a RAW
    /// format (`DNG`, `CR2`, `CR3`, `NEF`, `ARW`, `ORF`, `RW2`, `PEF`, `SRW`).
    public var format: String

    public init(width: Int? = nil, height: Int? = nil, takenAt: String? = nil, camera: String? = nil, latitude: Double? = nil,
                longitude: Double? = nil, orientation: Int? = nil, format: String) {
        self.width = width
        self.height = height
        self.takenAt = takenAt
        self.camera = camera
        self.latitude = latitude
        self.longitude = longitude
        self.orientation = orientation
        self.format = format
    }
}
