/**
 * The invented town behind the demo data: its neighbourhoods, how its organisations spread over UK SIC 2007 sections,
 * the jobs, skills and job titles of each section, organisation name patterns and the events the service runs.
 * These are the generator's assumptions, kept apart from its logic; fixtures/demo-town/README.md explains them.
 */
import type { EventKind, SizeBand } from '../model/schemas.js';
import type { SicSection } from '../model/sectors.js';

/** The town's invented name. */
export const DEMO_TOWN_NAME = 'Hollinbridge';

/** Where an area draws organisations from: the high street, the industrial estate or the housing around them. */
export type OrgSetting = 'high-street' | 'industrial' | 'residential';

export interface AreaProfile {
  name: string;
  /** Relative chance that a member lives here (members cluster on the estates with the fewest jobs). */
  members: number;
  /** Relative chance that anyone else lives here (0: nobody lives here). */
  residents: number;
  /** Relative chance that an organisation of each setting is here. */
  organisations: Record<OrgSetting, number>;
}

/** Eight invented neighbourhoods: a town centre, three estates, two suburbs, a canal-side mix and a business park. */
export const AREAS: readonly AreaProfile[] = [
  { name: 'Town Centre', members: 10, residents: 10, organisations: { 'high-street': 10, industrial: 0.5, residential: 3 } },
  { name: 'Canalside', members: 18, residents: 10, organisations: { 'high-street': 2, industrial: 2, residential: 2 } },
  { name: 'Kilnfield', members: 30, residents: 9, organisations: { 'high-street': 1, industrial: 0.5, residential: 2 } },
  { name: 'Ashgate', members: 24, residents: 11, organisations: { 'high-street': 1, industrial: 0.5, residential: 2 } },
  { name: 'Millbrook', members: 8, residents: 18, organisations: { 'high-street': 1, industrial: 0, residential: 2 } },
  { name: 'Thornley Park', members: 4, residents: 18, organisations: { 'high-street': 0.5, industrial: 0, residential: 1.5 } },
  { name: 'Brackenhurst', members: 3, residents: 16, organisations: { 'high-street': 0.5, industrial: 0, residential: 1.5 } },
  { name: 'Wharf Lane', members: 0, residents: 0, organisations: { 'high-street': 0.3, industrial: 10, residential: 0.2 } },
];

/** Weights of the four UK size bands, in the order of SIZE_BANDS: micro, small, medium, large. */
export type SizeWeights = readonly [number, number, number, number];

export interface SectorProfile {
  /** Relative share of the town's organisations (0: only the fixed organisations have this sector). */
  organisations: number;
  sizes: SizeWeights;
  /** Chance that an organisation of this section is recruiting now (raised for medium and large ones). */
  hiring: number;
  setting: OrgSetting;
  /** Relative chance that a member aims for work in this section. */
  memberGoal: number;
  /** Relative chance that a member has worked in this section before. */
  memberPast: number;
  /** Entry-level jobs: members' goal roles and employees' job titles. */
  jobs: readonly string[];
  skills: readonly string[];
  /** Job titles of the people who speak for the organisation to the service (employer contacts). */
  contactTitles: readonly string[];
  /** Name patterns: {S} a surname, {A} an area, {T} the town, {W} a brand word. */
  names: readonly string[];
}

/**
 * Organisations by SIC 2007 section. The shares follow the general shape of a UK town's business counts (many
 * construction, retail, professional and hospitality businesses, fewer but bigger employers in manufacturing,
 * logistics, health and education), tilted towards the sections with entry-level jobs; they are assumptions, not
 * an ONS extract. Agriculture, mining, energy, households and extraterritorial bodies (A, B, D, T, U) are left out of
 * a town-centred network; public administration (O) appears only as the fixed Jobcentre and council.
 */
export const SECTORS = {
  C: {
    organisations: 6, sizes: [40, 35, 18, 7], hiring: 0.3, setting: 'industrial', memberGoal: 6, memberPast: 9,
    jobs: ['production operative', 'machine operator', 'packer', 'quality inspector', 'food production operative', 'welder'],
    skills: ['machine operation', 'quality checks', 'food hygiene (level 2)', 'forklift licence (counterbalance)', 'manual handling', 'following work instructions'],
    contactTitles: ['Production manager', 'Operations manager', 'HR adviser', 'Shift supervisor'],
    names: ['{S} Precision Engineering', '{W} Foods', '{T} Print Works', '{W} Packaging', '{S} Fabrications', '{W} Plastics', '{A} Bakery', '{S} Joinery'],
  },
  E: {
    organisations: 1, sizes: [30, 40, 25, 5], hiring: 0.3, setting: 'industrial', memberGoal: 1, memberPast: 1,
    jobs: ['recycling operative', 'waste collection loader'],
    skills: ['manual handling', 'waste sorting', 'driving licence (B)', 'health and safety awareness'],
    contactTitles: ['Depot manager', 'Operations supervisor'],
    names: ['{W} Recycling', '{T} Skip Hire', '{W} Waste Management'],
  },
  F: {
    organisations: 10, sizes: [75, 20, 4, 1], hiring: 0.3, setting: 'industrial', memberGoal: 8, memberPast: 8,
    jobs: ['labourer', "electrician's mate", 'groundworker', "plasterer's apprentice", 'painter and decorator', "scaffolder's labourer"],
    skills: ['CSCS card', 'manual handling', 'working at height', 'hand tools', 'driving licence (B)', 'site clean-up', 'plastering'],
    contactTitles: ['Site manager', 'Contracts manager', 'Office manager', 'Director'],
    names: ['{S} Builders', '{S} Roofing', '{W} Electrical Contractors', '{S} Plumbing & Heating', '{W} Groundworks', '{T} Scaffolding', '{S} & Sons Construction', '{W} Plastering'],
  },
  G: {
    organisations: 17, sizes: [65, 27, 6, 2], hiring: 0.3, setting: 'high-street', memberGoal: 14, memberPast: 18,
    jobs: ['retail assistant', 'stock assistant', 'shop supervisor', 'checkout operator', 'parts counter assistant'],
    skills: ['customer service', 'cash handling', 'stock control', 'till operation', 'visual merchandising', 'product knowledge'],
    contactTitles: ['Store manager', 'Deputy store manager', 'Branch manager', 'Area manager'],
    names: ['{S} Hardware', '{A} Convenience Store', '{W} Pharmacy', '{S} Motors', '{T} Tyres & Exhausts', '{W} Discount Store', '{S} Florist', '{S} Butchers', '{A} Garden Centre', '{W} Superstore', '{S} Furniture', '{W} Wholesale', '{A} Post Office & Stores'],
  },
  H: {
    organisations: 6, sizes: [35, 35, 20, 10], hiring: 0.4, setting: 'industrial', memberGoal: 12, memberPast: 10,
    jobs: ['warehouse operative', 'delivery driver', 'forklift driver', 'picker packer', "van driver's mate"],
    skills: ['forklift licence (counterbalance)', 'driving licence (B)', 'manual handling', 'order picking', 'handheld scanners', 'route planning'],
    contactTitles: ['Warehouse manager', 'Transport manager', 'Shift manager', 'Recruitment coordinator'],
    names: ['{W} Logistics', '{S} Haulage', '{T} Distribution Centre', '{W} Couriers', '{S} Removals', '{A} Taxis', '{W} Coaches'],
  },
  I: {
    organisations: 11, sizes: [55, 35, 8, 2], hiring: 0.45, setting: 'high-street', memberGoal: 18, memberPast: 16,
    jobs: ['chef', 'kitchen porter', 'barista', 'waiting staff', 'bar staff', 'housekeeper', 'commis chef'],
    skills: ['food hygiene (level 2)', 'customer service', 'cooking', 'cleaning', 'bar work', 'cash handling', 'working under pressure'],
    contactTitles: ['Head chef', 'General manager', 'Restaurant manager', 'Operations manager'],
    names: ["{S}'s Café", '{A} Fish Bar', '{W} Kitchen', 'The {W} Arms', '{T} {W} Hotel', '{W} Tandoori', '{A} Pizza', '{W} Catering', '{W} Coffee House'],
  },
  J: {
    organisations: 4, sizes: [80, 16, 3, 1], hiring: 0.15, setting: 'high-street', memberGoal: 2, memberPast: 1,
    jobs: ['IT support technician', 'junior web developer'],
    skills: ['IT support', 'Microsoft Office', 'basic HTML', 'social media'],
    contactTitles: ['Managing director', 'Technical lead'],
    names: ['{W} IT Solutions', '{W} Web Design', '{T} Digital', '{W} Software', '{W} Telecoms'],
  },
  K: {
    organisations: 2, sizes: [50, 35, 10, 5], hiring: 0.15, setting: 'high-street', memberGoal: 1, memberPast: 1,
    jobs: ['customer service adviser', 'call-centre adviser'],
    skills: ['customer service', 'data entry', 'telephone manner'],
    contactTitles: ['Branch manager', 'Office manager'],
    names: ['{T} Credit Union', '{W} Insurance Brokers', '{S} Financial Advice', '{T} Building Society'],
  },
  L: {
    organisations: 3, sizes: [75, 20, 4, 1], hiring: 0.15, setting: 'high-street', memberGoal: 1, memberPast: 1,
    jobs: ['lettings negotiator', 'property maintenance operative'],
    skills: ['customer service', 'negotiation', 'driving licence (B)', 'basic repairs'],
    contactTitles: ['Branch manager', 'Lettings manager'],
    names: ['{S} Estate Agents', '{W} Lettings', '{W} Property Management', '{T} Homes'],
  },
  M: {
    organisations: 9, sizes: [80, 16, 3, 1], hiring: 0.15, setting: 'high-street', memberGoal: 2, memberPast: 2,
    jobs: ['bookkeeper', 'accounts assistant', 'office junior', 'veterinary care assistant'],
    skills: ['bookkeeping', 'Microsoft Excel', 'Sage accounts', 'filing', 'minute taking'],
    contactTitles: ['Practice manager', 'Partner', 'Office manager'],
    names: ['{S} & Co Accountants', '{S} Solicitors', '{W} Architects', '{S} Surveyors', '{W} Design Studio', '{A} Veterinary Surgery', '{W} Engineering Consultants'],
  },
  N: {
    organisations: 8, sizes: [55, 30, 10, 5], hiring: 0.35, setting: 'industrial', memberGoal: 12, memberPast: 12,
    jobs: ['admin assistant', 'cleaner', 'security officer', 'receptionist', 'call-centre agent', 'grounds maintenance operative'],
    skills: ['Microsoft Office', 'data entry', 'cleaning', 'SIA door supervisor licence', 'reception', 'telephone manner', 'customer service'],
    contactTitles: ['Operations manager', 'Recruitment consultant', 'Contracts manager', 'Office manager'],
    names: ['{W} Cleaning Services', '{W} Security', '{T} Recruitment', '{W} Facilities Management', '{W} Office Services', '{S} Landscapes', '{W} Contact Centre'],
  },
  O: {
    organisations: 0, sizes: [0, 0, 1, 1], hiring: 0.2, setting: 'high-street', memberGoal: 0, memberPast: 1,
    jobs: ['work coach', 'administrative officer', 'customer services officer', 'housing officer'],
    skills: ['customer service', 'case management', 'Microsoft Office', 'safeguarding'],
    contactTitles: ['Employer and partnership manager', 'Team leader'],
    names: ['{T} Borough Council'],
  },
  P: {
    organisations: 4, sizes: [30, 40, 25, 5], hiring: 0.2, setting: 'residential', memberGoal: 4, memberPast: 3,
    jobs: ['teaching assistant', 'school cook', 'lunchtime supervisor', 'nursery practitioner', 'caretaker'],
    skills: ['childcare', 'working with children', 'DBS check', 'food hygiene (level 2)', 'first aid'],
    contactTitles: ['School business manager', 'Head teacher', 'Nursery manager'],
    names: ['{A} Primary School', '{A} Academy', '{W} Day Nursery', '{S} Driving School', '{W} Training Centre', '{A} Pre-school'],
  },
  Q: {
    organisations: 10, sizes: [30, 45, 20, 5], hiring: 0.5, setting: 'residential', memberGoal: 16, memberPast: 10,
    jobs: ['care worker', 'healthcare assistant', 'support worker', 'domiciliary carer', 'activities coordinator', 'care home cook'],
    skills: ['Care Certificate', 'personal care', 'first aid', 'medication awareness', 'safeguarding', 'moving and handling', 'driving licence (B)'],
    contactTitles: ['Registered manager', 'Care coordinator', 'Practice manager', 'Recruitment lead'],
    names: ['{W} House Care Home', '{S} Home Care', '{A} Medical Practice', '{A} Dental Practice', '{W} Nursing Home', '{W} Support Services', '{A} Day Centre', '{W} Supported Living'],
  },
  R: {
    organisations: 3, sizes: [45, 35, 15, 5], hiring: 0.25, setting: 'residential', memberGoal: 2, memberPast: 2,
    jobs: ['leisure centre assistant', 'gym instructor', 'lifeguard', 'steward'],
    skills: ['customer service', 'first aid', 'pool lifeguard qualification', 'fitness instructing'],
    contactTitles: ['Centre manager', 'Duty manager', 'Club secretary'],
    names: ['{T} Leisure Centre', '{W} Gym', '{T} Little Theatre', '{A} Snooker Club', '{T} Town FC', '{W} Bingo Hall'],
  },
  S: {
    organisations: 6, sizes: [85, 13, 2, 0], hiring: 0.2, setting: 'residential', memberGoal: 3, memberPast: 3,
    jobs: ['hairdresser', 'barber', 'dog groomer', 'nail technician', 'community worker'],
    skills: ['hairdressing', 'customer service', 'bookings', 'cleaning', 'cash handling'],
    contactTitles: ['Manager', 'Coordinator'],
    names: ['{S} Hair & Beauty', '{A} Barbers', '{A} Community Larder', '{W} Dry Cleaners', '{W} Nail Studio', '{S} Dog Grooming', '{A} Community Association', '{W} Phone Repairs'],
  },
} as const satisfies Partial<Record<SicSection, SectorProfile>>;

export type DemoSector = keyof typeof SECTORS;

/** Brand words for organisation names ({W}). */
export const BRAND_WORDS: readonly string[] = [
  'Kestrel', 'Redwood', 'Northgate', 'Beacon', 'Greenway', 'Castle', 'Crown', 'Phoenix', 'Swift', 'Bluebell',
  'Acorn', 'Maple', 'Willow', 'Heron', 'Summit', 'Keystone', 'Lark', 'Brightside', 'Oakwood', 'Foxglove',
  'Harbour', 'Station', 'Market', 'Ember', 'Copper', 'Granite', 'Silver Birch', 'Meadow', 'Kingfisher', 'Valley',
];

/** Extra skills anyone may list. */
export const COMMON_SKILLS: readonly string[] = [
  'driving licence (B)', 'first aid', 'Microsoft Office', 'customer service', 'team working', 'English and maths (level 2)',
  'speaks a second language', 'reliable timekeeping',
];

export const COACH_SKILLS: readonly string[] = [
  'coaching', 'motivational interviewing', 'employer engagement', 'group facilitation', 'safeguarding', 'network mapping',
];

export const VOLUNTEER_SKILLS: readonly string[] = [
  'mentoring', 'interview practice', 'CV writing', 'listening', 'introductions to local employers',
];

/** Relative weight of an organisation as a workplace in the sample, by size band (bigger ones employ more people). */
export const WORKPLACE_WEIGHT: Record<SizeBand, number> = { micro: 1, small: 3, medium: 7, large: 12 };

/** Organisations every demo town has, in id order from o-001; the first is the employability service itself. */
export const FIXED_ORGANISATIONS: readonly { name: string; sector: 'O' | 'P' | 'Q'; size: SizeBand; area: string; hiring: boolean }[] = [
  { name: '{T} Connect', sector: 'Q', size: 'small', area: 'Town Centre', hiring: false },
  { name: '{T} Jobcentre', sector: 'O', size: 'medium', area: 'Town Centre', hiring: false },
  { name: '{T} Borough Council', sector: 'O', size: 'large', area: 'Town Centre', hiring: true },
  { name: '{T} College', sector: 'P', size: 'large', area: 'Canalside', hiring: true },
];

/** The order of event kinds over the six months (repeated when more events are asked for). */
export const EVENT_SEQUENCE: readonly EventKind[] = [
  'lunch', 'workshop', 'networking', 'coaching-group', 'workshop', 'networking', 'lunch', 'job-fair', 'workshop',
  'networking', 'coaching-group', 'lunch', 'social', 'networking', 'workshop', 'job-fair', 'lunch', 'coaching-group',
  'networking', 'workshop',
];

/** Event name patterns by kind: {A} an area, {T} the town, {X} the sector theme (networking and job fairs). */
export const EVENT_NAMES: Record<EventKind, readonly string[]> = {
  lunch: ['{A} Community Lunch', 'Lunch with Local Employers', 'Friday Lunch Club, {A}', 'Soup and Stories, {A}'],
  workshop: ['Telling Your Story', 'Mapping Your Network', 'Confident Conversations', 'Interviews Without Fear', 'Finding the Hidden Jobs', 'CVs That Get Read'],
  networking: ['Meet the Employers: {X}', '{T} Business Breakfast', 'Speed Networking: {X}', 'Open Evening: Working in {X}'],
  'job-fair': ['{T} Jobs and Skills Fair', '{X} Recruitment Day'],
  'coaching-group': ['Coaching Circle, {A}', 'Peer Coaching Group, {A}'],
  social: ['Summer Picnic, {A}', 'Quiz Night at the {A} Community Centre'],
  other: ['Open Day'],
};

/** Sector themes of networking events and job fairs, and the name used for each. */
export const EVENT_THEMES: readonly { sector: DemoSector; label: string }[] = [
  { sector: 'I', label: 'Hospitality' },
  { sector: 'Q', label: 'Care' },
  { sector: 'H', label: 'Logistics' },
  { sector: 'F', label: 'Construction' },
  { sector: 'G', label: 'Retail' },
  { sector: 'C', label: 'Manufacturing' },
  { sector: 'N', label: 'Facilities and Admin' },
];

/** How many attend an event of each kind, [min, max] of all attendees, and how many employer contacts among them. */
export const EVENT_ATTENDANCE: Record<EventKind, { size: readonly [number, number]; employers: readonly [number, number]; volunteers: readonly [number, number] }> = {
  lunch: { size: [10, 18], employers: [1, 3], volunteers: [1, 3] },
  workshop: { size: [6, 12], employers: [0, 1], volunteers: [1, 2] },
  networking: { size: [14, 26], employers: [3, 6], volunteers: [1, 4] },
  'job-fair': { size: [25, 40], employers: [6, 10], volunteers: [2, 4] },
  'coaching-group': { size: [5, 8], employers: [0, 0], volunteers: [0, 1] },
  social: { size: [10, 18], employers: [0, 1], volunteers: [2, 4] },
  other: { size: [6, 12], employers: [0, 2], volunteers: [1, 2] },
};

/** The strength of an attendance: how much being there together builds (a shared lunch more than a job fair). */
export const ATTENDANCE_STRENGTH: Record<EventKind, number> = {
  lunch: 0.35, workshop: 0.3, networking: 0.25, 'job-fair': 0.15, 'coaching-group': 0.4, social: 0.3, other: 0.2,
};
