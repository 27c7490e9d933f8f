/** People exposed through the person: tagged, mentioned, messaged, mutual follows, ranked. */
import type { DossierRecord, PersonRef, PersonRelation, Platform } from '../dossier/model.js';

export interface ExposedPerson {
  /** Normalised key: handle when known, else lower-cased name. */
  readonly key: string;
  readonly name?: string;
  readonly handles: string[];
  readonly platforms: Platform[];
  readonly tagged: number;
  readonly mentioned: number;
  readonly messages: number;
  readonly mutual: boolean;
  readonly otherRelations: string[];
  /** Rank score: how often and through how many sources and kinds the person is named. */
  readonly score: number;
  /** Record ids naming the person (first few). */
  readonly evidence: { readonly ref: string; readonly platform: string; readonly archive: string; readonly file: string; readonly time?: string; readonly relation: PersonRelation }[];
  readonly evidenceTotal: number;
}

export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Acc {
  key: string;
  name?: string;
  handles: Set<string>;
  platforms: Set<Platform>;
  tagged: number;
  mentioned: number;
  messages: number;
  following: Set<Platform>;
  followers: Set<Platform>;
  friend: boolean;
  other: Set<string>;
  evidence: ExposedPerson['evidence'][number][];
  total: number;
}

/** The person themself must not show up among "people": pass their own handles and names. */
export function analysePeople(records: readonly DossierRecord[], self: ReadonlySet<string>): ExposedPerson[] {
  const byKey = new Map<string, Acc>();
  const nameToKey = new Map<string, string>();
  const keyOf = (p: PersonRef): string | undefined => {
    if (p.handle) return `@${normaliseHandle(p.handle)}`;
    if (p.name) {
      const n = normaliseName(p.name);
      return n ? (nameToKey.get(n) ?? `name:${n}`) : undefined;
    }
    return undefined;
  };
  for (const record of records) {
    for (const person of record.people ?? []) {
      if (person.handle && self.has(`@${normaliseHandle(person.handle)}`)) continue;
      if (person.name && self.has(`name:${normaliseName(person.name)}`)) continue;
      const key = keyOf(person);
      if (key === undefined) continue;
      if (person.handle && person.name) nameToKey.set(normaliseName(person.name), key);
      let acc = byKey.get(key);
      if (acc === undefined) {
        acc = { key, handles: new Set(), platforms: new Set(), tagged: 0, mentioned: 0, messages: 0, following: new Set(), followers: new Set(), friend: false, other: new Set(), evidence: [], total: 0 };
        byKey.set(key, acc);
      }
      if (person.name && acc.name === undefined) acc.name = person.name;
      if (person.handle) acc.handles.add(normaliseHandle(person.handle));
      acc.platforms.add(person.platform);
      switch (person.relation) {
        case 'tagged': acc.tagged++; break;
        case 'mentioned': case 'replied-to': acc.mentioned++; break;
        case 'messaged': case 'message-from': acc.messages++; break;
        case 'following': acc.following.add(person.platform); break;
        case 'follower': acc.followers.add(person.platform); break;
        case 'friend': case 'close-friend': acc.friend = true; acc.other.add(person.relation); break;
        default: acc.other.add(person.relation);
      }
      acc.total++;
      if (acc.evidence.length < 6) {
        acc.evidence.push({ ref: record.id, platform: record.source.platform, archive: record.source.archive, file: record.source.file, relation: person.relation, ...(record.time ? { time: new Date(record.time.epochMs).toISOString() } : {}) });
      }
    }
  }
  // Merge name-only entries into the handle entry that gave the same name, or whose handle is the
  // name written together ("Sam Ortiz" and @sam.ortiz): chats name people, posts tag handles.
  // "mueller" and "Müller" → "muller": handles spell umlauts out, names carry them.
  const compact = (x: string): string => x.replace(/[._\-\d ]+/g, '').replace(/([aou])e/g, '$1');
  const byCompactHandle = new Map<string, string>();
  for (const key of byKey.keys()) if (key.startsWith('@')) byCompactHandle.set(compact(key.slice(1)), key);
  for (const [key, acc] of [...byKey]) {
    if (!key.startsWith('name:')) continue;
    const target = nameToKey.get(key.slice(5)) ?? byCompactHandle.get(compact(key.slice(5)));
    const into = target === undefined ? undefined : byKey.get(target);
    if (into === undefined || into === acc) continue;
    into.tagged += acc.tagged; into.mentioned += acc.mentioned; into.messages += acc.messages; into.total += acc.total;
    for (const p of acc.platforms) into.platforms.add(p);
    for (const p of acc.following) into.following.add(p);
    for (const p of acc.followers) into.followers.add(p);
    for (const o of acc.other) into.other.add(o);
    into.friend ||= acc.friend;
    into.evidence.push(...acc.evidence.slice(0, Math.max(0, 6 - into.evidence.length)));
    if (into.name === undefined && acc.name !== undefined) into.name = acc.name;
    byKey.delete(key);
  }
  const people: ExposedPerson[] = [];
  for (const acc of byKey.values()) {
    const mutual = acc.friend || [...acc.following].some((p) => acc.followers.has(p));
    const kinds = (acc.tagged > 0 ? 1 : 0) + (acc.mentioned > 0 ? 1 : 0) + (acc.messages > 0 ? 1 : 0) + (mutual ? 1 : 0);
    const score = acc.tagged * 3 + acc.mentioned * 2 + Math.log2(1 + acc.messages) * 3 + (mutual ? 4 : 0) + (kinds - 1) * 3 + (acc.platforms.size - 1) * 3;
    if (score <= 0) continue; // a one-way follow alone is not exposure through this person
    people.push({
      key: acc.key,
      ...(acc.name !== undefined ? { name: acc.name } : {}),
      handles: [...acc.handles],
      platforms: [...acc.platforms],
      tagged: acc.tagged,
      mentioned: acc.mentioned,
      messages: acc.messages,
      mutual,
      otherRelations: [...acc.other],
      score: Math.round(score * 10) / 10,
      evidence: acc.evidence,
      evidenceTotal: acc.total,
    });
  }
  people.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return people;
}
