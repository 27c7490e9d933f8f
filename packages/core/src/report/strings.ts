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
  readonly targets: string;
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
  readonly basis: (key: string, a: Readonly<Record<string, number>>) => string;
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
  readonly peopleCols: Readonly<Record<'name' | 'handle' | 'where' | 'tagged' | 'mentioned' | 'messages' | 'mutual', string>>;
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
  targets: 'What to act on',
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
  basis: (key, a) => {
    switch (key) {
      case 'home-dense': return `longest daily rest here on ${a.restDays} of ${a.days} days, and here at night (00:00–06:00 local) on ${a.nights} of ${a.allNights} nights`;
      case 'home-sparse': return `${a.here} night-time geotags here on ${a.nights} weighted nights, of ${a.all} night-time geotags in all`;
      case 'work-dense': return `weekday daytime presence on ${a.days} of ${a.weekdays} observed weekdays (${a.hours} h)`;
      case 'work-dense-night': return `weekday night presence on ${a.days} of ${a.weekdays} observed weekdays (${a.hours} h)`;
      case 'work-sparse': return `geotags on ${a.days} different weekdays between 09:00 and 17:00 local time`;
      default: return `seen on ${a.days} different days${a.hours ? `, ${a.hours} h in all` : ''}`;
    }
  },
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
  peopleCols: { name: 'Name', handle: 'Handle', where: 'Where', tagged: 'Tagged', mentioned: 'Mentioned', messages: 'Messages', mutual: 'Follow each other' },
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
  targets: 'Sobre qué actuar',
  evidenceMore: (shown, total) => `Se muestran ${shown} de ${total} elementos de prueba.`,
  columns: { when: 'Cuándo', source: 'Archivo', item: 'Elemento', detail: 'Detalle' },
  near: (name, dist) => (dist < 1_500 ? `en ${name}` : `a ${km(dist)} de ${name}`),
  headlineNone: 'Tus exportaciones le dan poco a un analista: ningún lugar, persona o publicación destacó.',
  headline: (home, work, people, flagged) =>
    `${home && work ? 'Alguien con estos archivos probablemente sabría dónde duermes y dónde trabajas' : home ? 'Alguien con estos archivos probablemente sabría dónde duermes' : work ? 'Alguien con estos archivos probablemente sabría dónde pasas los días laborables' : 'Tus archivos no revelan tu casa, pero aun así dicen mucho'}${people > 0 ? ', quiénes son cercanos a ti' : ''}${flagged > 0 ? ' y cuáles de tus publicaciones marcaría un sistema de vigilancia' : ''}.`,
  summaryHome: (near, conf, radius) => `Casa: ${near}, ${ES.confidence(conf)}, ubicada con un margen de unos ${km(radius)}.`,
  summaryWork: (near, conf) => `Trabajo o lugar de días laborables: ${near}, ${ES.confidence(conf)}.`,
  summaryPlaces: (n) => (n === 1 ? 'Otro lugar al que vuelves.' : `Otros ${n} lugares a los que vuelves.`),
  summaryPeople: (n, top) => `${n} ${n === 1 ? 'persona queda expuesta' : 'personas quedan expuestas'} a través de tus cuentas; sobre todo ${top}.`,
  summaryIdentities: (platforms) => `${platforms} de tus cuentas se pueden unir como una sola persona.`,
  summaryFlagged: (n) => `${n} ${n === 1 ? 'publicación sería detectada' : 'publicaciones serían detectadas'} por una lista pública de palabras de vigilancia o leídas como hostiles a una agencia.`,
  summaryMedia: (gps, serial) => `${gps} ${gps === 1 ? 'foto o video lleva' : 'fotos o videos llevan'} GPS${serial > 0 ? `; ${serial} llevan el número de serie de tu cámara` : ''}.`,
  summaryPlan: (n) => `El plan de abajo tiene ${n} ${n === 1 ? 'acción' : 'acciones'}, primero la que más elimina.`,
  basis: (key, a) => {
    switch (key) {
      case 'home-dense': return `tu descanso diario más largo fue aquí ${a.restDays} de ${a.days} días, y estuviste aquí de noche (00:00–06:00 hora local) ${a.nights} de ${a.allNights} noches`;
      case 'home-sparse': return `${a.here} ubicaciones nocturnas aquí en ${a.nights} noches ponderadas, de ${a.all} ubicaciones nocturnas en total`;
      case 'work-dense': return `presencia de día en ${a.days} de ${a.weekdays} días laborables observados (${a.hours} h)`;
      case 'work-dense-night': return `presencia de noche en ${a.days} de ${a.weekdays} días laborables observados (${a.hours} h)`;
      case 'work-sparse': return `ubicaciones en ${a.days} días laborables distintos entre las 09:00 y las 17:00 hora local`;
      default: return `visto en ${a.days} días distintos${a.hours ? `, ${a.hours} h en total` : ''}`;
    }
  },
  findingHomeTitle: 'Dónde es más probable que vivas',
  findingHomeText: (basis, near, runnerUp) => `Un analista probablemente concluiría que vives ${near}. Motivo: ${basis}.${runnerUp !== undefined ? ` El siguiente lugar más probable está a ${km(runnerUp)}.` : ''} A los usuarios de estas herramientas se les dice que busquen dónde pasa la noche un teléfono para encontrar una casa probable.`,
  findingHomeNightShift: 'Tu descanso diario más largo es de día y pasas las noches en otro lugar: un patrón de turno de noche. Tomamos como casa el lugar de tu descanso más largo, como haría un analista cuidadoso.',
  findingHomeSelfLabel: 'Tus propias exportaciones también llaman "Casa" a este lugar (por ejemplo, el historial de lugares de Google), lo que lo confirma.',
  findingWorkTitle: 'Dónde es más probable que trabajes',
  findingWorkText: (basis, near, d) => `Un analista probablemente concluiría que trabajas ${near}${d !== undefined ? `, a ${km(d)} de tu casa` : ''}. Motivo: ${basis}.`,
  findingPlaceTitle: (name) => `Un lugar al que vuelves: ${name}`,
  findingPlaceText: (basis) => `Fuiste con la frecuencia suficiente para que sea parte de tu patrón: ${basis}.`,
  findingRoutineTitle: 'Tu rutina se puede predecir',
  findingRoutineText: (leave, back, place) => `En un día laborable normal ${leave ? `sales de ${place} hacia las ${leave}` : `estás en ${place} a horas previsibles`}${back ? ` y vuelves hacia las ${back}` : ''}. Quien quisiera encontrarte sabría cuándo.`,
  findingUniqueTitle: 'Cuánto reduce esto quién eres',
  findingPeopleTitle: 'Personas expuestas a través de ti',
  findingPeopleText: (names) => `Tus exportaciones nombran a estas personas más que a nadie (etiquetas, menciones, mensajes, seguimiento mutuo): ${names}. Las herramientas de mapeo de redes las añadirían a tu expediente, y a ti al suyo.`,
  findingIdentityTitle: 'Tus cuentas se pueden vincular entre sí',
  findingIdentityText: (ids, platforms) => `Los mismos identificadores aparecen en ${platforms}: ${ids}. Reusar nombres de usuario, correos y teléfonos es cómo las herramientas unen cuentas separadas en una sola persona.`,
  findingPostsTitle: 'Publicaciones que un monitor automático marcaría',
  findingPostsText: (n, negative, cats) => `${n} ${n === 1 ? 'publicación contiene' : 'publicaciones contienen'} palabras de una lista pública de vigilancia del gobierno (${cats})${negative > 0 ? `, y ${negative} podría${negative === 1 ? '' : 'n'} ser leída${negative === 1 ? '' : 's'} por un programa como muy negativa${negative === 1 ? '' : 's'} hacia una agencia` : ''}. No es un juicio sobre ti: la lista está llena de palabras cotidianas.`,
  findingMediaTitle: 'Tus fotos revelan lugares y tu cámara',
  findingMediaText: (gps, serial, devices, faces) => `${gps} ${gps === 1 ? 'archivo lleva' : 'archivos llevan'} coordenadas GPS exactas${serial > 0 ? `; ${serial} llevan un número de serie que los une a una cámara o teléfono` : ''}${devices ? ` (dispositivos: ${devices})` : ''}.${faces !== undefined ? ` ${faces} muestran caras.` : ''}`,
  findingSensitiveTitle: 'Visitas a lugares sensibles',
  findingSensitiveText: (list) => `Los nombres de lugares en tus exportaciones muestran visitas a: ${list}. Aquí solo se muestra el tipo de lugar, no su nombre.`,
  uniquenessPair: (d) => `Tu casa y tu trabajo probables están a ${km(d)}. En datos del censo de EE. UU., conocer el barrio (sección censal) de la casa y del trabajo de alguien lo reduce a unas 21 personas; a nivel de manzana, normalmente a una sola (Golle y Partridge 2009, solo EE. UU.).`,
  uniquenessPoints: (n) => `Tus archivos tienen ${n.toLocaleString('es')} ubicaciones con fecha. Cuatro horas y lugares bastan para identificar a cerca del 95% de las personas en un conjunto de 1,5 millones de teléfonos (de Montjoye et al. 2013), y todavía al 93% entre 60 millones (Farzanehfar et al. 2021).`,
  uniquenessHomeOnly: 'La casa sola es menos única que casa y trabajo juntos (Zang y Bolot 2011), pero es la dirección a la que alguien iría.',
  uniquenessDistance: (r) => `La estimación de tu casa tiene un margen de unos ${km(r)}: unas pocas casas.`,
  whyNight: 'de noche',
  whyRest: 'descanso largo',
  whyWeekday: 'día laborable',
  whySeen: 'visto aquí',
  samples: (count) => `muestras de ubicación ${count}`,
  duration: (m) => (m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`),
  unknown: {
    ...EN.unknown,
    'home:no-location-data': 'Casa: tus exportaciones no tienen datos de ubicación, así que no se pudo estimar. Las ubicaciones de tus amigos o el texto de tus publicaciones aún pueden revelar tu ciudad (Compton et al. 2014: error mediano de 6 km).',
    'home:no-night-data': 'Casa: ninguna de tus ubicaciones cae de noche en hora local, así que no se pudo determinar.',
    'home:too-few-night-points': 'Casa: muy pocas ubicaciones nocturnas (menos de 3) para decir dónde vives. Con unas 10, los métodos publicados encuentran la mayoría de las casas a menos de 1 km (Tasse et al. 2016).',
    'work:no-location-data': 'Trabajo: no hay datos de ubicación.',
    'work:no-regular-weekday-place': 'Trabajo: ningún lugar aparte de la casa se visitó en suficientes días laborables para llamarlo trabajo.',
    'work:too-few-weekday-points': 'Trabajo: muy pocas ubicaciones de día laborable para nombrar un lugar de trabajo.',
    'places:none-located': 'Lugares: nada en tus exportaciones lleva una ubicación.',
    'sensitive-places:none-named': 'Lugares sensibles (salud, religión, vida nocturna, oficinas legales o de inmigración): lowprofile no tiene un mapa de negocios sin conexión, así que solo los ve cuando tus exportaciones nombran el lugar, y ningún nombre lo hizo. Un analista con un mapa de negocios sí podría saberlo.',
    'faces:not-checked': 'Caras: en esta ejecución no se buscaron caras en las fotos.',
    'sentiment:spanish': 'El sentimiento en español usa una lista corta de palabras, no un modelo completo: tómalo como aproximado.',
    'monitoring-list:unverified': 'La lista de palabras de vigilancia (DHS, 2011) de esta versión aún no se ha comprobado palabra por palabra con el documento publicado.',
    'time-zone:border': 'Cerca de las fronteras de husos horarios, la zona puede ser incorrecta en 1 de cada 10 lugares habitados; las horas pueden variar en una hora.',
    'home:moved': 'Si te mudaste durante este periodo, puede que no aparezca la casa anterior.',
    'time-zone:zone-unknown': 'Huso horario: para algunos lugares no se pudo calcular, así que sus horas no se usaron.',
  },
  plan: {
    'delete-location-history': { title: 'Borra tu historial de ubicaciones de Google y desactívalo', text: 'En Google Maps: Configuración → Cronología (o myactivity.google.com → Historial de ubicaciones) → borrar todo, y desactiva la Cronología. Esto elimina el rastro que revela tu casa, tu trabajo y tu rutina.' },
    'delete-geotagged-posts': { title: 'Borra o haz privadas las publicaciones que muestran dónde vives', text: 'Estas publicaciones llevan la ubicación de tu casa probable. Bórralas, archívalas o quítales la ubicación.' },
    'strip-photos': { title: 'Quita la ubicación y los datos del dispositivo de tus fotos', text: 'Usa `lowprofile scrub` en tus fotos antes de compartirlas y desactiva la ubicación en la app de la cámara.' },
    'privatise-flagged': { title: 'Revisa las publicaciones marcadas', text: 'Tú decides: borrarlas, hacerlas privadas o dejarlas. Las herramientas de vigilancia recogen las publicaciones públicas.' },
    'unique-handles': { title: 'Usa nombres de usuario y correos distintos en cada cuenta', text: 'Cambia el nombre de usuario, correo o teléfono repetido en una de las cuentas para que ya no coincidan.' },
    'ad-id': { title: 'Desactiva el identificador de publicidad de tu teléfono', text: 'Android: Ajustes → Privacidad → Anuncios → Borrar ID de publicidad. iPhone: Ajustes → Privacidad y seguridad → Rastreo → desactivado. Los corredores de datos venden rastros de ubicación asociados a este ID.' },
    'app-permissions': { title: 'Da a las apps ubicación "aproximada" y solo mientras las usas', text: 'Las apps que ven tu ubicación exacta todo el tiempo son la fuente de los datos de ubicación que se venden.' },
    'broker-opt-out': { title: 'Pide a los corredores de datos que borren tu dirección', text: 'Los sitios de búsqueda de personas publican direcciones. Usa la lista de exclusión en github.com/yaelwrites/Big-Ass-Data-Broker-Opt-Out-List; en California, el portal DROP del estado.' },
    'strava-zones': { title: 'Pon una zona de privacidad grande en Strava', text: 'Oculta el inicio y el final de tus actividades alrededor de tu casa, con una zona más grande que la predeterminada y no centrada en tu puerta (Hassan et al. 2018; Mink et al. 2022).' },
    'untag-people': { title: 'Quita etiquetas y oculta tu lista de amigos', text: 'Quita las etiquetas de las personas más expuestas a través de ti y oculta tus listas de seguidores o amigos donde se pueda.' },
    rerun: { title: 'Vuelve a usar lowprofile después de limpiar', text: 'Descarga exportaciones nuevas y repite la auditoría para ver qué queda.' },
  },
  planImpact: (i) => `Elimina cerca del ${i}% de este expediente`,
  planFor: (f) => `Para ${f.includes(',') ? 'los hallazgos' : 'el hallazgo'} ${f}`,
  reasonKeyword: (cat, word) => `«${word}» está en la lista de vigilancia (${cat})`,
  reasonNegative: (agency, word) => `un programa podría leer esto como muy negativo hacia ${agency} («${word}»)`,
  categories: {
    'dhs-agencies': 'DHS y otras agencias',
    'domestic-security': 'seguridad interior',
    'hazmat-nuclear': 'materiales peligrosos y nuclear',
    health: 'salud',
    infrastructure: 'seguridad de infraestructuras',
    'southwest-border': 'violencia en la frontera suroeste',
    terrorism: 'terrorismo',
    'weather-disaster': 'clima / desastres / emergencias',
    cyber: 'ciberseguridad',
    'legal-immigration': 'oficinas legales o de inmigración',
    religion: 'lugares de culto',
    nightlife: 'vida nocturna',
    'politics-protest': 'lugares políticos y protestas',
  },
  flagNote: 'Solo lo ves tú. Lista de palabras: DHS Media Monitoring Capability, Analyst\'s Desktop Reference Binder (2011). Sentimiento: VADER (Hutto y Gilbert 2014). El sentimiento no es una postura: los programas se equivocan con el sarcasmo y el contexto.',
  mediaCols: { file: 'Archivo', exposes: 'Revela', when: 'Cuándo' },
  peopleCols: { name: 'Nombre', handle: 'Usuario', where: 'Dónde', tagged: 'Etiquetas', mentioned: 'Menciones', messages: 'Mensajes', mutual: 'Se siguen' },
  exposes: { gps: 'ubicación exacta', serial: 'número de serie del dispositivo', device: 'modelo del dispositivo', faces: 'caras' },
  you: 'Tú',
  heatLegend: 'Más oscuro = más a menudo allí a esa hora (hora local).',
  days: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  mapNote: (scale) => `Los círculos muestran cada lugar y con qué precisión se conoce; la barra mide ${scale}. Contornos: Natural Earth.`,
  inputsText: (records, points, files, issues) => `${records.toLocaleString('es')} elementos y ${points.toLocaleString('es')} muestras de ubicación de ${files} archivo${files === 1 ? '' : 's'}${issues > 0 ? `; se omitieron ${issues} (abajo)` : ''}.`,
  noneFound: 'No se encontró nada.',
};

export function strings(language: Language): Strings {
  return language === 'es' ? ES : EN;
}

export { km as formatDistance, pct as formatPercent };
