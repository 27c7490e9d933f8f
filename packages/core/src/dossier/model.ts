/**
 * The normalised model every importer produces and every inference consumes. Importers (in
 * `exports/<platform>/`) turn a platform's archive into records; analysis (in `analysis/`) only
 * ever sees these types, never a platform's own format.
 *
 * Dense location trails (Google Records.json has millions of points) do not become objects: they
 * go to `ImportSink.point`, which stores them in typed arrays, so memory stays bounded.
 */

export type Platform =
  | 'google-location-history'
  | 'google-timeline'
  | 'google-photos'
  | 'instagram'
  | 'facebook'
  | 'x'
  | 'photo-folder'
  | 'snapchat'
  | 'tiktok'
  | 'strava'
  | 'telegram'
  | 'whatsapp';

/** Where a finding's evidence comes from: the platform, the file inside the archive, the item. */
export interface RecordSource {
  readonly platform: Platform;
  /** Path of the archive or folder given by the person (as they named it). */
  readonly archive: string;
  /** Path of the file inside the archive/folder. */
  readonly file: string;
  /** The item's own id (post id, message id, …) or its index in the file. */
  readonly itemId?: string;
}

/**
 * A point in time. `utc` when the export says so (or gives an offset). `local-wall-clock` when the
 * export gives only a local clock reading with no offset (camera EXIF without OffsetTime*): then
 * `epochMs` is that wall-clock reading taken as if it were UTC, and inference must not convert it
 * again.
 */
export interface RecordTime {
  readonly epochMs: number;
  readonly basis: 'utc' | 'local-wall-clock';
}

export interface Position {
  readonly lat: number;
  readonly lon: number;
  /** Horizontal accuracy radius in metres, when the export gives one. */
  readonly accuracyM?: number;
  /** How the position was obtained. */
  readonly method?: 'gps' | 'wifi' | 'cell' | 'fused' | 'geotag' | 'exif' | 'activity' | 'place' | 'unknown';
}

export type RecordKind =
  | 'post'
  | 'story'
  | 'comment'
  | 'message'
  | 'photo'
  | 'video'
  | 'check-in'
  | 'visit'
  | 'activity'
  | 'search'
  | 'like'
  | 'connection'
  | 'profile'
  | 'login'
  | 'other';

export type PersonRelation = 'tagged' | 'mentioned' | 'messaged' | 'message-from' | 'follower' | 'following' | 'friend' | 'contact' | 'replied-to' | 'group-member' | 'close-friend' | 'blocked';

export interface PersonRef {
  /** Display name as the export gives it. */
  readonly name?: string;
  /** Handle/username without '@'. */
  readonly handle?: string;
  /** The platform's numeric/opaque account id, when that is all the export gives (X followers). */
  readonly userId?: string;
  readonly platform: Platform;
  readonly relation: PersonRelation;
}

export type IdentityKind = 'handle' | 'email' | 'phone' | 'display-name' | 'user-id' | 'device' | 'ip-address' | 'profile-url';

/** Something that ties an account to a person: it appears in the account's own profile/settings. */
export interface IdentityRef {
  readonly kind: IdentityKind;
  readonly value: string;
  readonly platform: Platform;
}

export interface MediaRef {
  /** Path inside the archive. */
  readonly path: string;
  readonly mediaType?: string;
  /** What the media's own metadata shows (filled by the photo-folder importer or by a later pass). */
  readonly gps?: Position;
  readonly deviceSerial?: string;
  readonly device?: string;
  /** Number of faces found, when the faces module ran. */
  readonly faces?: number;
}

export interface DossierRecord {
  /** Unique within one audit: `${platform}:${file}:${itemId}`. */
  readonly id: string;
  readonly kind: RecordKind;
  readonly source: RecordSource;
  readonly time?: RecordTime;
  /** When the item lasted (a place visit, an activity): its end. */
  readonly endTime?: RecordTime;
  readonly position?: Position;
  /** A place name the platform attached (check-in, tagged location). */
  readonly placeName?: string;
  /** A street address the platform attached to the place. */
  readonly address?: string;
  /**
   * The platform's OWN label for a place, when it gives one: Google `TYPE_HOME`/`TYPE_WORK`
   * (set by the person), on-device `INFERRED_HOME`, Snapchat `inferredHome`. Evidence of what the
   * platform concluded; inference may compare against it but must not simply copy it.
   */
  readonly placeLabel?: string;
  readonly text?: string;
  readonly people?: readonly PersonRef[];
  readonly media?: readonly MediaRef[];
  readonly identities?: readonly IdentityRef[];
}

/** One sample of a dense location trail. */
export interface LocationPoint {
  readonly epochMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly accuracyM?: number;
  /** Index of the sample in its file, so evidence can cite "Records.json, location #48213". */
  readonly index: number;
}

/** An archive member that could not be read, or was refused (zip-slip, bomb, absurd size). */
export interface ImportIssue {
  readonly archive: string;
  readonly file: string;
  readonly reason: string;
}

/** Where importers deliver what they find. */
export interface ImportSink {
  record(record: DossierRecord): void;
  /** Dense trail samples, stored compactly; `source` names the file they came from. */
  point(point: LocationPoint, source: RecordSource): void;
  issue(issue: ImportIssue): void;
  /** Bytes consumed so far in the current file, for progress displays. */
  progress?(file: string, bytesDone: number, bytesTotal: number): void;
}
