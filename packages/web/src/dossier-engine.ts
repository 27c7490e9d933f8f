/**
 * Where the dossier engine (export importers and the report renderer from core) plugs in. They are
 * loaded with a dynamic import, so their code is not part of the initial download.
 */
export function dossierAvailable(): boolean {
  return false;
}
