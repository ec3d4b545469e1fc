/**
 * UK Standard Industrial Classification of economic activities 2007 (UK SIC 2007): the 21 sections A–U
 * (Office for National Statistics, 2009). Organisations carry a section letter; the label is for people.
 */
export const SIC_SECTIONS = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply; sewerage, waste management and remediation activities',
  F: 'Construction',
  G: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  H: 'Transportation and storage',
  I: 'Accommodation and food service activities',
  J: 'Information and communication',
  K: 'Financial and insurance activities',
  L: 'Real estate activities',
  M: 'Professional, scientific and technical activities',
  N: 'Administrative and support service activities',
  O: 'Public administration and defence; compulsory social security',
  P: 'Education',
  Q: 'Human health and social work activities',
  R: 'Arts, entertainment and recreation',
  S: 'Other service activities',
  T: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  U: 'Activities of extraterritorial organisations and bodies',
} as const;

export type SicSection = keyof typeof SIC_SECTIONS;

export const SIC_SECTION_LETTERS = Object.keys(SIC_SECTIONS) as [SicSection, ...SicSection[]];

/** The readable label of a SIC 2007 section letter. */
export function sectorLabel(section: SicSection): string {
  return SIC_SECTIONS[section];
}
