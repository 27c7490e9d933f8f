/**
 * TIFF/EXIF tag tables, as data. Sources: TIFF 6.0, EXIF 2.32 (CIPA DC-008), DNG 1.6, GeoTIFF 1.1.
 * Each privacy-relevant tag maps to the category of what it reveals.
 */
import type { Category } from '../../categories.js';

export const TAG_EXIF_IFD = 0x8769; // 34665
export const TAG_GPS_IFD = 0x8825; // 34853
export const TAG_INTEROP_IFD = 0xa005; // 40965
export const TAG_SUB_IFDS = 0x014a; // 330
export const TAG_ORIENTATION = 0x0112; // 274
export const TAG_ICC_PROFILE = 0x8773; // 34675
export const TAG_XMP = 0x02bc; // 700
export const TAG_IPTC = 0x83bb; // 33723
export const TAG_PHOTOSHOP = 0x8649; // 34377
export const TAG_MAKER_NOTE = 0x927c; // 37500
export const TAG_JPEG_INTERCHANGE_FORMAT = 0x0201; // 513, thumbnail offset (IFD1)
export const TAG_JPEG_INTERCHANGE_FORMAT_LENGTH = 0x0202; // 514

/** Tags that name what they reveal, with a readable name. Anything else falls back by IFD. */
export const PRIVACY_TAGS: ReadonlyMap<number, { name: string; category: Category }> = new Map([
  [0x010d, { name: 'DocumentName', category: 'other' }],
  [0x010e, { name: 'ImageDescription', category: 'other' }],
  [0x010f, { name: 'Make', category: 'device' }],
  [0x0110, { name: 'Model', category: 'device' }],
  [0x011d, { name: 'PageName', category: 'other' }],
  [0x0131, { name: 'Software', category: 'software' }],
  [0x0132, { name: 'DateTime', category: 'time' }],
  [0x013b, { name: 'Artist', category: 'person' }],
  [0x013c, { name: 'HostComputer', category: 'device' }],
  [0x02bc, { name: 'XMP', category: 'other' }],
  [0x8298, { name: 'Copyright', category: 'person' }],
  [0x83bb, { name: 'IPTC-NAA', category: 'other' }],
  [0x8649, { name: 'Photoshop', category: 'other' }],
  [0x828e, { name: 'CFAPattern', category: 'device' }],
  [0x830e, { name: 'ModelPixelScale (GeoTIFF)', category: 'location' }],
  [0x8482, { name: 'ModelTiepoint (GeoTIFF)', category: 'location' }],
  [0x85d8, { name: 'ModelTransformation (GeoTIFF)', category: 'location' }],
  [0x87af, { name: 'GeoKeyDirectory (GeoTIFF)', category: 'location' }],
  [0x87b0, { name: 'GeoDoubleParams (GeoTIFF)', category: 'location' }],
  [0x87b1, { name: 'GeoAsciiParams (GeoTIFF)', category: 'location' }],
  [0x9003, { name: 'DateTimeOriginal', category: 'time' }],
  [0x9004, { name: 'DateTimeDigitized', category: 'time' }],
  [0x9010, { name: 'OffsetTime', category: 'time' }],
  [0x9011, { name: 'OffsetTimeOriginal', category: 'time' }],
  [0x9012, { name: 'OffsetTimeDigitized', category: 'time' }],
  [0x927c, { name: 'MakerNote', category: 'device' }],
  [0x9286, { name: 'UserComment', category: 'other' }],
  [0x9290, { name: 'SubSecTime', category: 'time' }],
  [0x9291, { name: 'SubSecTimeOriginal', category: 'time' }],
  [0x9292, { name: 'SubSecTimeDigitized', category: 'time' }],
  [0x9c9b, { name: 'XPTitle', category: 'other' }],
  [0x9c9c, { name: 'XPComment', category: 'other' }],
  [0x9c9d, { name: 'XPAuthor', category: 'person' }],
  [0x9c9e, { name: 'XPKeywords', category: 'other' }],
  [0x9c9f, { name: 'XPSubject', category: 'other' }],
  [0xa420, { name: 'ImageUniqueID', category: 'device' }],
  [0xa430, { name: 'CameraOwnerName', category: 'person' }],
  [0xa431, { name: 'BodySerialNumber', category: 'device' }],
  [0xa433, { name: 'LensMake', category: 'device' }],
  [0xa434, { name: 'LensModel', category: 'device' }],
  [0xa435, { name: 'LensSerialNumber', category: 'device' }],
  [0xc4a5, { name: 'PrintIM', category: 'other' }],
  [0xc612, { name: 'DNGVersion', category: 'other' }],
  [0xc614, { name: 'UniqueCameraModel', category: 'device' }],
  [0xc615, { name: 'LocalizedCameraModel', category: 'device' }],
  [0xc634, { name: 'DNGPrivateData', category: 'device' }],
  [0xc62f, { name: 'CameraSerialNumber', category: 'device' }],
  [0xea1c, { name: 'Padding', category: 'other' }],
  [0xea1d, { name: 'OffsetSchema', category: 'other' }],
]);

/**
 * Tags a TIFF image needs to be decoded and displayed correctly (TIFF 6.0 baseline and extensions,
 * plus tiling, sample formats and YCbCr). A TIFF scrub keeps only these in every IFD.
 */
export const TIFF_RENDERING_TAGS: ReadonlySet<number> = new Set([
  0x00fe, // NewSubfileType
  0x00ff, // SubfileType
  0x0100, // ImageWidth
  0x0101, // ImageLength
  0x0102, // BitsPerSample
  0x0103, // Compression
  0x0106, // PhotometricInterpretation
  0x0107, // Threshholding
  0x0108, // CellWidth
  0x0109, // CellLength
  0x010a, // FillOrder
  0x0111, // StripOffsets
  0x0112, // Orientation
  0x0115, // SamplesPerPixel
  0x0116, // RowsPerStrip
  0x0117, // StripByteCounts
  0x0118, // MinSampleValue
  0x0119, // MaxSampleValue
  0x011a, // XResolution
  0x011b, // YResolution
  0x011c, // PlanarConfiguration
  0x0122, // GrayResponseUnit
  0x0123, // GrayResponseCurve
  0x0124, // T4Options
  0x0125, // T6Options
  0x0128, // ResolutionUnit
  0x0129, // PageNumber (page order in multi-page files)
  0x012d, // TransferFunction
  0x013d, // Predictor
  0x013e, // WhitePoint
  0x013f, // PrimaryChromaticities
  0x0140, // ColorMap
  0x0141, // HalftoneHints
  0x0142, // TileWidth
  0x0143, // TileLength
  0x0144, // TileOffsets
  0x0145, // TileByteCounts
  0x014c, // InkSet
  0x014d, // InkNames
  0x014e, // NumberOfInks
  0x0150, // DotRange
  0x0152, // ExtraSamples
  0x0153, // SampleFormat
  0x0154, // SMinSampleValue
  0x0155, // SMaxSampleValue
  0x0156, // TransferRange
  0x015b, // JPEGTables
  0x0200, // JPEGProc (old-style JPEG)
  0x0211, // YCbCrCoefficients
  0x0212, // YCbCrSubSampling
  0x0213, // YCbCrPositioning
  0x0214, // ReferenceBlackWhite
  0x8773, // InterColorProfile (ICC) — kept by default, dropped on request
]);
