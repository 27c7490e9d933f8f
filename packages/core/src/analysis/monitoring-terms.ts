/**
 * Search terms of the DHS Media Monitoring Capability "Analyst's Desktop Reference Binder" (2011,
 * National Operations Center, released to EPIC in EPIC v. DHS), by its nine categories.
 *
 * PROVENANCE: typed for lowprofile from the published list as reported; NOT yet checked word for
 * word against EPIC's PDF (pp. 20–23). The report says so next to every match. A US federal
 * government work is believed not to be subject to US copyright (17 U.S.C. §105).
 *
 * Acronyms in capitals only match in capitals ("ICE" the agency, not "ice" the weather word, which
 * the weather category lists separately).
 */
export type MonitoringCategory =
  | 'dhs-agencies'
  | 'domestic-security'
  | 'hazmat-nuclear'
  | 'health'
  | 'infrastructure'
  | 'southwest-border'
  | 'terrorism'
  | 'weather-disaster'
  | 'cyber';

export const MONITORING_LIST_VERIFIED = false;

export const MONITORING_TERMS: Readonly<Record<MonitoringCategory, readonly string[]>> = {
  'dhs-agencies': ['Department of Homeland Security', 'DHS', 'Federal Emergency Management Agency', 'FEMA', 'Coast Guard', 'Customs and Border Protection', 'CBP', 'Border Patrol', 'Secret Service', 'National Operations Center', 'Homeland Defense', 'Immigration Customs Enforcement', 'ICE', 'Agent', 'Task Force', 'Central Intelligence Agency', 'CIA', 'Fusion Center', 'Drug Enforcement Agency', 'DEA', 'Secure Border Initiative', 'FBI', 'Federal Bureau of Investigation', 'ATF', 'Citizenship and Immigration Services', 'Federal Air Marshal Service', 'Air Marshal', 'Transportation Security Administration', 'TSA', 'FAA', 'National Guard', 'Red Cross', 'United Nations'],
  'domestic-security': ['Assassination', 'Attack', 'Domestic security', 'Drill', 'Exercise', 'Cops', 'Law enforcement', 'Authorities', 'Disaster assistance', 'Disaster management', 'National preparedness', 'Mitigation', 'Prevention', 'Response', 'Recovery', 'Dirty bomb', 'Emergency management', 'Emergency response', 'First responder', 'Homeland security', 'Militia', 'Shooting', 'Shots fired', 'Evacuation', 'Deaths', 'Hostage', 'Explosion', 'Police', 'Organized crime', 'Gangs', 'National security', 'State of emergency', 'Security', 'Breach', 'Threat', 'Standoff', 'SWAT', 'Screening', 'Lockdown', 'Bomb', 'Crash', 'Looting', 'Riot', 'Emergency landing', 'Pipe bomb', 'Incident', 'Facility'],
  'hazmat-nuclear': ['Hazmat', 'Nuclear', 'Chemical spill', 'Suspicious package', 'Suspicious device', 'Toxic', 'National laboratory', 'Nuclear facility', 'Nuclear threat', 'Cloud', 'Plume', 'Radiation', 'Radioactive', 'Leak', 'Biological infection', 'Chemical', 'Chemical burn', 'Biological', 'Epidemic', 'Hazardous', 'Hazardous material incident', 'Industrial spill', 'Infection', 'Powder', 'Gas', 'Spillover', 'Anthrax', 'Blister agent', 'Exposure', 'Burn', 'Nerve agent', 'Ricin', 'Sarin', 'North Korea'],
  health: ['Outbreak', 'Contamination', 'Exposure', 'Virus', 'Evacuation', 'Bacteria', 'Recall', 'Ebola', 'Food poisoning', 'Foot and mouth', 'H5N1', 'Avian', 'Flu', 'Salmonella', 'Small pox', 'Plague', 'Human to human', 'Human to animal', 'Influenza', 'Center for Disease Control', 'CDC', 'Drug Administration', 'FDA', 'Public health', 'Toxic', 'Agro terror', 'Tuberculosis', 'Agriculture', 'Listeria', 'Symptoms', 'Mutation', 'Resistant', 'Antiviral', 'Wave', 'Pandemic', 'Infection', 'Sick', 'Swine', 'Pork', 'Strain', 'Quarantine', 'H1N1', 'Vaccine', 'Tamiflu', 'Epidemic', 'World Health Organization', 'E. coli'],
  infrastructure: ['Infrastructure security', 'Airport', 'CIKR', 'AMTRAK', 'Collapse', 'Computer infrastructure', 'Communications infrastructure', 'Telecommunications', 'Critical infrastructure', 'National infrastructure', 'Metro', 'WMATA', 'Airplane', 'Chemical fire', 'Subway', 'BART', 'MARTA', 'Port Authority', 'Transportation security', 'Grid', 'Power', 'Smart', 'Body scanner', 'Electric', 'Failure', 'Outage', 'Black out', 'Brown out', 'Port', 'Dock', 'Bridge', 'Cancelled', 'Delays', 'Service disruption', 'Power lines'],
  'southwest-border': ['Violence', 'Gang', 'Drug', 'Narcotics', 'Cocaine', 'Marijuana', 'Heroin', 'Border', 'Mexico', 'Cartel', 'Southwest', 'Juarez', 'Sinaloa', 'Tijuana', 'Torreon', 'Yuma', 'Tucson', 'Decapitated', 'U.S. Consulate', 'Consular', 'El Paso', 'Fort Hancock', 'San Diego', 'Ciudad Juarez', 'Nogales', 'Sonora', 'Colombia', 'Mara Salvatrucha', 'MS13', 'MS-13', 'Drug war', 'Mexican army', 'Methamphetamine', 'Gulf Cartel', 'La Familia', 'Reynosa', 'Nuevo Leon', 'Narcos', 'Narco banners', 'Los Zetas', 'Shootout', 'Execution', 'Gunfight', 'Trafficking', 'Kidnap', 'Bust', 'Tamaulipas', 'Meth lab', 'Drug trade', 'Illegal immigrants', 'Smuggling', 'Matamoros', 'Michoacana', 'Guzman', 'Barrio Azteca'],
  terrorism: ['Terrorism', 'Al Qaeda', 'Terror', 'Attack', 'Iraq', 'Afghanistan', 'Iran', 'Pakistan', 'Agro', 'Environmental terrorist', 'Eco terrorism', 'Conventional weapon', 'Target', 'Weapons grade', 'Dirty bomb', 'Enriched', 'Nuclear', 'Chemical weapon', 'Biological weapon', 'Ammonium nitrate', 'Improvised explosive device', 'IED', 'Abu Sayyaf', 'Hamas', 'FARC', 'IRA', 'ETA', 'Hezbollah', 'Tamil Tigers', 'PLF', 'PLO', 'Car bomb', 'Jihad', 'Taliban', 'Weapons cache', 'Suicide bomber', 'Suicide attack', 'Suspicious substance', 'AQAP', 'AQIM', 'TTP', 'Yemen', 'Pirates', 'Extremism', 'Somalia', 'Nigeria', 'Radicals', 'Al-Shabaab', 'Home grown', 'Plot', 'Nationalist', 'Recruitment', 'Fundamentalism', 'Islamist'],
  'weather-disaster': ['Emergency', 'Hurricane', 'Tornado', 'Twister', 'Tsunami', 'Earthquake', 'Tremor', 'Flood', 'Storm', 'Crest', 'Temblor', 'Extreme weather', 'Forest fire', 'Brush fire', 'Ice', 'Stranded', 'Stuck', 'Help', 'Hail', 'Wildfire', 'Magnitude', 'Avalanche', 'Typhoon', 'Shelter-in-place', 'Disaster', 'Snow', 'Blizzard', 'Sleet', 'Mudslide', 'Mud slide', 'Erosion', 'Power outage', 'Warning', 'Watch', 'Lightning', 'Aid', 'Relief', 'Closure', 'Interstate', 'Burst', 'Emergency Broadcast System'],
  cyber: ['Cyber security', 'Botnet', 'DDOS', 'Denial of service', 'Malware', 'Virus', 'Trojan', 'Keylogger', 'Cyber Command', 'Spammer', 'Phishing', 'Rootkit', 'Phreaking', 'Brute forcing', 'Mysql injection', 'Cyber attack', 'Cyber terror', 'Hacker', 'China', 'Conficker', 'Worm', 'Scammers', 'Social media'],
};

/** Agency names and the words people use for them (English and Spanish), for the stance proxy. */
export const AGENCY_NAMES: readonly { readonly agency: string; readonly patterns: readonly string[] }[] = [
  { agency: 'ICE', patterns: ['ICE', 'Immigration and Customs Enforcement', 'la migra', 'migra', 'inmigración', 'inmigracion', 'immigration'] },
  { agency: 'CBP / Border Patrol', patterns: ['CBP', 'Border Patrol', 'Customs and Border Protection', 'patrulla fronteriza'] },
  { agency: 'DHS', patterns: ['DHS', 'Homeland Security', 'Seguridad Nacional'] },
  { agency: 'FBI', patterns: ['FBI'] },
  { agency: 'Police', patterns: ['police', 'cops', 'cop', 'sheriff', 'policía', 'policia', 'la jura'] },
];
