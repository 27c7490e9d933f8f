/** Well-known `uuid` box extended types. */
export const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
/** Google Spherical Video V1 (XML with the stitching software). */
export const SPHERICAL_V1_UUID = 'ffcc8263f8554a938814587a02521fdd';
/** Sony XAVC user metadata boxes (USMT) and profile (PROF). */
export const SONY_USMT_UUID = '55534d5421d24fcebb88695cfac9c740';
export const SONY_PROF_UUID = '50524f4621d24fcebb88695cfac9c740';

export function describeUuid(uuid: string | undefined): string {
  switch (uuid) {
    case XMP_UUID:
      return 'XMP (uuid box)';
    case SPHERICAL_V1_UUID:
      return 'Spherical Video V1 XML (uuid box)';
    case SONY_USMT_UUID:
      return 'Sony user metadata (uuid USMT box)';
    case SONY_PROF_UUID:
      return 'Sony profile (uuid PROF box)';
    default:
      return `vendor uuid box ${uuid ?? ''}`;
  }
}
