/**
 * Every sentence the report shows, in one place, so the web app can translate it. English is
 * complete; Spanish covers the page's headings and the most-read sentences and falls back to English
 * elsewhere. Plain words for non-technical readers: "would likely conclude", never "is".
 */

export type Language = 'en' | 'es';

const km = (m: number): string => (m < 1_000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1_000).toFixed(m < 10_000 ? 1 : 0)} km`);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

export interface Strings {
  readonly title: string;
  readonly privacyNote: string;
  readonly generated: (date: string, period?: string) => string;
  readonly headings: Readonly<Record<'summary' | 'map' | 'findings' | 'routine' | 'graph' | 'posts' | 'media' | 'unknown' | 'plan' | 'methods' | 'inputs', string>>;
  readonly roles: Readonly<Record<'home' | 'work' | 'other', string>>;
  readonly confidence: (c: number) => string;
  readonly evidence: string;
  readonly evidenceMore: (shown: number, total: number) => string;
  readonly columns: Readonly<Record<'when' | 'source' | 'item' | 'detail', string>>;
  readonly near: (name: string, dist: number) => string;
  readonly headlineNone: string;
  readonly headline: (home: boolean, work: boolean, people: number, flagged: number) => string;
  readonly summaryHome: (near: string, conf: number, radius: number) => string;
  readonly summaryWork: (near: string, conf: number) => string;
  readonly summaryPlaces: (n: number) => string;
  readonly summaryPeople: (n: number, top: string) => string;
  readonly summaryIdentities: (platforms: number) => string;
  readonly summaryFlagged: (n: number) => string;
  readonly summaryMedia: (gps: number, serial: number) => string;
  readonly summaryPlan: (n: number) => string;
  readonly findingHomeTitle: string;
  readonly findingHomeText: (basis: string, near: string, runnerUp?: number) => string;
  readonly findingHomeNightShift: string;
  readonly findingHomeSelfLabel: string;
  readonly findingWorkTitle: string;
  readonly findingWorkText: (basis: string, near: string, distFromHome?: number) => string;
  readonly findingPlaceTitle: (name: string) => string;
  readonly findingPlaceText: (basis: string) => string;
  readonly findingRoutineTitle: string;
  readonly findingRoutineText: (leave: string | undefined, back: string | undefined, place: string) => string;
  readonly findingUniqueTitle: string;
  readonly findingPeopleTitle: string;
  readonly findingPeopleText: (names: string) => string;
  readonly findingIdentityTitle: string;
  readonly findingIdentityText: (ids: string, platforms: string) => string;
  readonly findingPostsTitle: string;
  readonly findingPostsText: (n: number, negative: number, categories: string) => string;
  readonly findingMediaTitle: string;
  readonly findingMediaText: (gps: number, serial: number, devices: string, faces: number | undefined) => string;
  readonly findingSensitiveTitle: string;
  readonly findingSensitiveText: (list: string) => string;
  readonly uniquenessPair: (distance: number) => string;
  readonly uniquenessPoints: (points: number) => string;
  readonly uniquenessHomeOnly: string;
  readonly uniquenessDistance: (radius: number) => string;
  readonly whyNight: string;
  readonly whyRest: string;
  readonly whyWeekday: string;
  readonly whySeen: string;
  readonly samples: (count: string) => string;
  readonly duration: (minutes: number) => string;
  readonly unknown: Readonly<Record<string, string>>;
  readonly plan: Readonly<Record<string, { readonly title: string; readonly text: string }>>;
  readonly planImpact: (impact: number) => string;
  readonly planFor: (findings: string) => string;
  readonly reasonKeyword: (category: string, word: string) => string;
  readonly reasonNegative: (agency: string, word: string) => string;
  readonly categories: Readonly<Record<string, string>>;
  readonly flagNote: string;
  readonly mediaCols: Readonly<Record<'file' | 'exposes' | 'when', string>>;
  readonly exposes: Readonly<Record<'gps' | 'serial' | 'device' | 'faces', string>>;
  readonly you: string;
  readonly heatLegend: string;
  readonly days: readonly string[];
  readonly mapNote: (scale: string) => string;
  readonly inputsText: (records: number, points: number, files: number, issues: number) => string;
  readonly issueLine: (file: string, reason: string) => string;
  readonly noneFound: string;
}

export const EN: Strings = {
  title: 'Your dossier: what an analyst could conclude from your own data',
  privacyNote: 'This report was made on your computer from your own exports. Nothing was sent anywhere. Keep it private: it says where you live.',
  generated: (date, period) => `Made ${date}${period ? ` from data covering ${period}` : ''}.`,
  headings: {
    summary: 'In short',
    map: 'Places an analyst would mark',
    findings: 'What your data gives away',
    routine: 'Your week, hour by hour',
    graph: 'Accounts and people linked to you',
    posts: 'Posts a monitoring system could flag',
    media: 'Photos and videos that carry a location or your device',
    unknown: 'What we could not determine',
    plan: 'The plan: what to do first',
    methods: 'How this was worked out',
    inputs: 'What was read',
  },
  roles: { home: 'Home', work: 'Work', other: 'Frequent place' },
  confidence: (c) => (c >= 0.75 ? `high confidence (${pct(c)})` : c >= 0.45 ? `medium confidence (${pct(c)})` : `low confidence (${pct(c)}): a guess`),
  evidence: 'Evidence',
  evidenceMore: (shown, total) => `Showing ${shown} of ${total} supporting items.`,
  columns: { when: 'When', source: 'Source file', item: 'Item', detail: 'Detail' },
  near: (name, dist) => (dist < 1_500 ? `in ${name}` : `${km(dist)} from ${name}`),
  headlineNone: 'Your exports give an analyst little to go on: no place, person or post stood out.',
  headline: (home, work, people, flagged) =>
    `${home && work ? 'Someone with these files would likely know where you sleep and where you work' : home ? 'Someone with these files would likely know where you sleep' : work ? 'Someone with these files would likely know where you spend your weekdays' : 'Your files do not reveal your home, but they still say a lot'}${people > 0 ? `, who you are close to` : ''}${flagged > 0 ? `, and which of your posts a monitor would flag` : ''}.`,
  summaryHome: (near, conf, radius) => `Home: ${near}, ${EN.confidence(conf)}, placed within about ${km(radius)}.`,
  summaryWork: (near, conf) => `Work or a weekday place: ${near}, ${EN.confidence(conf)}.`,
  summaryPlaces: (n) => `${n} other place${n === 1 ? '' : 's'} you go back to.`,
  summaryPeople: (n, top) => `${n} ${n === 1 ? 'person is' : 'people are'} exposed through your accounts; most of all ${top}.`,
  summaryIdentities: (platforms) => `${platforms} of your accounts can be tied together as one person.`,
  summaryFlagged: (n) => `${n} post${n === 1 ? '' : 's'} would be picked up by a published monitoring keyword list or read as hostile to an agency.`,
  summaryMedia: (gps, serial) => `${gps} photo${gps === 1 ? '' : 's'} or video${gps === 1 ? '' : 's'} carry GPS${serial > 0 ? `, ${serial} carry your camera's serial number` : ''}.`,
  summaryPlan: (n) => `The plan below lists ${n} action${n === 1 ? '' : 's'}, the one that removes the most first.`,
  findingHomeTitle: 'Where you most likely live',
  findingHomeText: (basis, near, runnerUp) => `An analyst would likely conclude that you live ${near}. Reason: ${basis}.${runnerUp !== undefined ? ` The next most likely place is ${km(runnerUp)} away.` : ''} Analysts' tools are told to look where a phone sits at night for a likely home.`,
  findingHomeNightShift: 'Your longest daily rest is during the day and your nights are spent elsewhere: a night-shift pattern. We used the place of your longest rest as home, which is what a careful analyst would do too.',
  findingHomeSelfLabel: 'Your own exports also label this place "Home" (for example Google\'s place history), which confirms it.',
  findingWorkTitle: 'Where you most likely work',
  findingWorkText: (basis, near, d) => `An analyst would likely conclude that you work ${near}${d !== undefined ? `, ${km(d)} from home` : ''}. Reason: ${basis}.`,
  findingPlaceTitle: (name) => `A place you return to: ${name}`,
  findingPlaceText: (basis) => `You were there often enough to be part of your pattern: ${basis}.`,
  findingRoutineTitle: 'Your routine can be predicted',
  findingRoutineText: (leave, back, place) => `On a usual weekday ${leave ? `you leave ${place} around ${leave}` : `you are at ${place} at predictable hours`}${back ? ` and are back around ${back}` : ''}. Someone who wanted to find you would know when.`,
  findingUniqueTitle: 'How much this narrows down who you are',
  findingPeopleTitle: 'People exposed through you',
  findingPeopleText: (names) => `Your exports name these people most often (tags, mentions, messages, mutual follows): ${names}. Network-mapping tools would add them to your file, and you to theirs.`,
  findingIdentityTitle: 'Your accounts can be linked to each other',
  findingIdentityText: (ids, platforms) => `The same identifiers appear on ${platforms}: ${ids}. Reused handles, emails and phone numbers are how tools join separate accounts into one person.`,
  findingPostsTitle: 'Posts an automated monitor would flag',
  findingPostsText: (n, negative, cats) => `${n} post${n === 1 ? '' : 's'} contain words from a published government monitoring list (${cats})${negative > 0 ? `, and ${negative} could be read by software as strongly negative about an agency` : ''}. This is not a judgement of you: the list is full of everyday words.`,
  findingMediaTitle: 'Your photos give away places and your camera',
  findingMediaText: (gps, serial, devices, faces) => `${gps} file${gps === 1 ? '' : 's'} carry exact GPS coordinates${serial > 0 ? `; ${serial} carry a device serial number that ties them to one camera or phone` : ''}${devices ? ` (devices seen: ${devices})` : ''}.${faces !== undefined ? ` ${faces} show faces.` : ''}`,
  findingSensitiveTitle: 'Visits to sensitive kinds of places',
  findingSensitiveText: (list) => `Place names in your exports show visits to: ${list}. Only the kind of place is shown here, not its name.`,
  uniquenessPair: (d) => `Your likely home and work are ${km(d)} apart. In US census data, knowing someone's home and work neighbourhood (census tract) narrows them to about 21 people; at block level usually to just one (Golle & Partridge 2009, US only).`,
  uniquenessPoints: (n) => `Your files hold ${n.toLocaleString('en-US')} dated locations. Four times and places are enough to pick out about 95% of people in a phone-location dataset of 1.5 million (de Montjoye et al. 2013), and still about 93% among 60 million (Farzanehfar et al. 2021).`,
  uniquenessHomeOnly: 'Home alone is less unique than home and work together (Zang & Bolot 2011), but it is the address someone would go to.',
  uniquenessDistance: (r) => `The estimate of your home is within about ${km(r)}: a few houses.`,
  whyNight: 'night-time',
  whyRest: 'long rest',
  whyWeekday: 'weekday',
  whySeen: 'seen here',
  samples: (count) => `location samples ${count}`,
  duration: (m) => (m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`),
  unknown: {
    'home:no-location-data': 'Home: your exports contain no location data, so home could not be estimated from them. Friends\' locations or post text can still reveal a home city (Compton et al. 2014: median error 6 km).',
    'home:no-night-data': 'Home: none of your located items fall at night in local time, so home could not be determined.',
    'home:too-few-night-points': 'Home: too few night-time locations (fewer than 3) to say where you live. With about 10, published methods find most homes within 1 km (Tasse et al. 2016).',
    'work:no-location-data': 'Work: no location data.',
    'work:no-regular-weekday-place': 'Work: no place other than home was visited on enough weekdays to call it work.',
    'work:too-few-weekday-points': 'Work: too few weekday-daytime locations to name a workplace.',
    'places:none-located': 'Places: nothing in your exports carries a location.',
    'time-zone:zone-unknown': 'Time zone: for some places the time zone could not be worked out, so their times were not used.',
    'sensitive-places:none-named': 'Sensitive places (health, religion, nightlife, legal or immigration offices): lowprofile has no offline map of businesses, so it can only see these where your exports name the place, and none of the names did. An analyst with a business map could still tell.',
    'faces:not-checked': 'Faces: photos were not checked for faces in this run.',
    'sentiment:spanish': 'Sentiment in Spanish uses a short word list, not a full model: treat it as rough.',
    'monitoring-list:unverified': 'The monitoring keyword list (DHS, 2011) in this version has not yet been checked word for word against the released document.',
    'time-zone:border': 'Time zones near borders can be wrong for about 1 in 10 inhabited places; times near a zone border may be off by an hour.',
    'home:moved': 'If you moved during this period, the older home may not be shown.',
  },
  plan: {
    'delete-location-history': { title: 'Delete your Google location history and turn it off', text: 'In Google Maps: Settings → Timeline (or myactivity.google.com → Location History) → delete all, then turn Timeline off. This removes the dense trail that gives away home, work and routine.' },
    'delete-geotagged-posts': { title: 'Delete or make private the posts that show where you live', text: 'These posts carry the location of your likely home. Delete them, archive them, or remove their location tag.' },
    'strip-photos': { title: 'Strip location and device data from your photos', text: 'Run `lowprofile scrub` on your photos before sharing, and turn off location tagging in your camera app.' },
    'privatise-flagged': { title: 'Review the flagged posts', text: 'You decide: delete, make private, or keep them. Public posts are what monitoring tools collect.' },
    'unique-handles': { title: 'Use different handles and emails per account', text: 'Change the reused username, email or phone on one side so the accounts no longer match.' },
    'ad-id': { title: 'Turn off your phone\'s advertising ID', text: 'Android: Settings → Privacy → Ads → Delete advertising ID. iPhone: Settings → Privacy & Security → Tracking → off. Location brokers sell trails keyed by this ID.' },
    'app-permissions': { title: 'Give apps "approximate" location, only while in use', text: 'Apps that see your precise location all the time are the source of brokered location data.' },
    'broker-opt-out': { title: 'Ask data brokers to remove your address', text: 'People-search sites publish home addresses. Use the opt-out list at github.com/yaelwrites/Big-Ass-Data-Broker-Opt-Out-List; Californians can use the state\'s DROP portal.' },
    'strava-zones': { title: 'Set a large privacy zone in Strava', text: 'Hide the start and end of activities around your home, with a zone larger than the default and not centred on your door (Hassan et al. 2018; Mink et al. 2022).' },
    'untag-people': { title: 'Remove tags and hide your friend list', text: 'Untag the people most exposed through you, and hide your followers/friends list where the platform allows.' },
    'rerun': { title: 'Run lowprofile again after cleaning up', text: 'Download fresh exports and run the audit again to see what is left.' },
  },
  planImpact: (i) => `Removes about ${i}% of this dossier`,
  planFor: (f) => `For finding${f.includes(',') ? 's' : ''} ${f}`,
  reasonKeyword: (cat, word) => `“${word}” is on the monitoring list (${cat})`,
  reasonNegative: (agency, word) => `software might read this as strongly negative about ${agency} (“${word}”)`,
  categories: {
    'dhs-agencies': 'DHS & other agencies',
    'domestic-security': 'domestic security',
    'hazmat-nuclear': 'hazmat & nuclear',
    health: 'health concern',
    infrastructure: 'infrastructure security',
    'southwest-border': 'southwest border violence',
    terrorism: 'terrorism',
    'weather-disaster': 'weather / disaster / emergency',
    cyber: 'cyber security',
    'legal-immigration': 'legal or immigration offices',
    religion: 'places of worship',
    nightlife: 'nightlife',
    'politics-protest': 'political places and protests',
  },
  flagNote: 'Shown only to you. Keyword list: DHS Media Monitoring Capability, Analyst\'s Desktop Reference Binder (2011). Sentiment: VADER (Hutto & Gilbert 2014). Sentiment is not stance: software gets sarcasm and context wrong.',
  mediaCols: { file: 'File', exposes: 'Gives away', when: 'When' },
  exposes: { gps: 'exact location', serial: 'device serial number', device: 'device model', faces: 'faces' },
  you: 'You',
  heatLegend: 'Darker = more often there at that hour (local time).',
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  mapNote: (scale) => `Circles show each place and how precisely it is known; the bar is ${scale}. Outlines: Natural Earth.`,
  inputsText: (records, points, files, issues) => `${records.toLocaleString('en-US')} items and ${points.toLocaleString('en-US')} location samples from ${files} file${files === 1 ? '' : 's'}${issues > 0 ? `; ${issues} file${issues === 1 ? ' was' : 's were'} skipped (below)` : ''}.`,
  issueLine: (file, reason) => `${file}: ${reason}`,
  noneFound: 'Nothing found.',
};

export const ES: Strings = {
  ...EN,
  title: 'Tu expediente: lo que un analista podría concluir de tus propios datos',
  privacyNote: 'Este informe se hizo en tu computadora con tus propias exportaciones. No se envió nada a ningún sitio. Guárdalo en privado: dice dónde vives.',
  generated: (date, period) => `Hecho el ${date}${period ? ` con datos de ${period}` : ''}.`,
  headings: {
    summary: 'En resumen',
    map: 'Lugares que un analista marcaría',
    findings: 'Lo que revelan tus datos',
    routine: 'Tu semana, hora por hora',
    graph: 'Cuentas y personas vinculadas a ti',
    posts: 'Publicaciones que un sistema de vigilancia podría marcar',
    media: 'Fotos y videos con ubicación o datos de tu dispositivo',
    unknown: 'Lo que no pudimos determinar',
    plan: 'El plan: qué hacer primero',
    methods: 'Cómo se calculó',
    inputs: 'Qué se leyó',
  },
  roles: { home: 'Casa', work: 'Trabajo', other: 'Lugar frecuente' },
  confidence: (c) => (c >= 0.75 ? `confianza alta (${pct(c)})` : c >= 0.45 ? `confianza media (${pct(c)})` : `confianza baja (${pct(c)}): una suposición`),
  evidence: 'Pruebas',
  columns: { when: 'Cuándo', source: 'Archivo', item: 'Elemento', detail: 'Detalle' },
  near: (name, dist) => (dist < 1_500 ? `en ${name}` : `a ${km(dist)} de ${name}`),
  findingHomeTitle: 'Dónde es más probable que vivas',
  findingWorkTitle: 'Dónde es más probable que trabajes',
  findingPeopleTitle: 'Personas expuestas a través de ti',
  findingIdentityTitle: 'Tus cuentas se pueden vincular entre sí',
  findingPostsTitle: 'Publicaciones que un monitor automático marcaría',
  findingMediaTitle: 'Tus fotos revelan lugares y tu cámara',
  you: 'Tú',
  days: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  heatLegend: 'Más oscuro = más a menudo allí a esa hora (hora local).',
};

export function strings(language: Language): Strings {
  return language === 'es' ? ES : EN;
}

export { km as formatDistance, pct as formatPercent };
