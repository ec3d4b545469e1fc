/**
 * Name lists for the demo town: common first names and surnames of the heritages found in a present-day English
 * town, grouped so that a person's first name and surname usually come from the same group (and a family shares
 * the group and usually the surname). The people are invented: names are random combinations, and the few
 * combinations that belong to well-known people are refused (`FAMOUS_COMBINATIONS`).
 */

/** A surname; `[male form, female form]` for languages whose surnames change with gender (Polish). */
export type Surname = string | readonly [string, string];

export interface NameGroup {
  /** Relative share of the town's people. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly Surname[];
}

/**
 * Heritage groups and their shares, roughly the make-up of a mid-sized English town (about seven in ten White British
 * or Irish; South Asian, Black, Eastern European, Chinese and other groups making up the rest). An assumption, not a
 * census extract.
 */
export const NAME_GROUPS = {
  british: {
    weight: 70,
    female: [
      'Emily', 'Olivia', 'Amelia', 'Jessica', 'Chloe', 'Sophie', 'Lauren', 'Megan', 'Hannah', 'Bethany',
      'Charlotte', 'Katie', 'Rebecca', 'Gemma', 'Kelly', 'Leanne', 'Stacey', 'Natalie', 'Nicola', 'Lisa',
      'Joanne', 'Donna', 'Tracey', 'Karen', 'Julie', 'Sharon', 'Michelle', 'Claire', 'Sarah', 'Rachel',
      'Helen', 'Susan', 'Linda', 'Carol', 'Pauline', 'Margaret', 'Jean', 'Siobhan', 'Aoife', 'Rhiannon',
      'Cerys', 'Eilidh', 'Kirsty', 'Shannon', 'Jade', 'Paige', 'Courtney', 'Ellie', 'Grace', 'Freya',
      'Poppy', 'Evie', 'Amy', 'Zoe', 'Abbie', 'Lucy', 'Dawn', 'Wendy', 'Maureen', 'Bernadette',
    ],
    male: [
      'Jack', 'Oliver', 'Harry', 'George', 'Charlie', 'Thomas', 'James', 'William', 'Daniel', 'Ryan',
      'Liam', 'Connor', 'Callum', 'Kyle', 'Jordan', 'Lewis', 'Jamie', 'Craig', 'Darren', 'Lee',
      'Wayne', 'Gary', 'Paul', 'Mark', 'Stephen', 'Andrew', 'Neil', 'Dean', 'Shaun', 'Ian',
      'Keith', 'Colin', 'Graham', 'Trevor', 'Barry', 'Owen', 'Rhys', 'Dylan', 'Gareth', 'Ewan',
      'Fraser', 'Niall', 'Declan', 'Ciaran', 'Scott', 'Adam', 'Matthew', 'Luke', 'Nathan', 'Kieran',
      'Brandon', 'Alfie', 'Reece', 'Carl', 'Glenn', 'Derek', 'Terry', 'Alan', 'Brian', 'Sean',
    ],
    surnames: [
      'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Johnson',
      'Walker', 'Robinson', 'Wood', 'Thompson', 'White', 'Jackson', 'Green', 'Harris', 'Cooper',
      'Martin', 'Clarke', 'Morgan', 'Hughes', 'Edwards', 'Hill', 'Moore', 'Harrison', 'Young', 'Morris',
      'Hall', 'Ward', 'Turner', 'Carter', 'Phillips', 'Mitchell', 'Adams', 'Campbell', 'Anderson', 'Allen',
      'Cook', 'Bailey', 'Parker', 'Murphy', 'Price', 'Bell', 'Baker', 'Griffiths', 'Kelly', 'Simpson',
      'Marshall', 'Collins', 'Bennett', 'Cox', 'Richardson', 'Fox', 'Gray', 'Chapman', 'Hunt', 'Robertson',
      'Shaw', 'Reynolds', 'Lloyd', 'Ellis', 'Richards', 'Wilkinson', 'Stewart', 'Reid', 'Murray', 'Powell',
      'Palmer', 'Holmes', 'Rogers', 'Stevens', 'Walsh', 'Hunter', 'Matthews', 'Ross', 'Owen', 'Mason',
      'Knight', 'Butler', 'Saunders', 'Pearce', 'Foster', 'Harvey', 'Hudson', 'Gibson', 'Mills', 'Barnes',
      'Pearson', 'Booth', 'Dixon', 'Gordon', 'Lane', 'Harper', 'Hart', 'Brooks', 'Carr', 'Hamilton',
      'Doyle', 'Gallagher', 'Quinn', 'Byrne', 'Nolan', 'Fletcher', 'Hodgson', 'Sutcliffe', 'Ackroyd', 'Pickering',
      'Lomax', 'Greenwood', 'Heywood', 'Kershaw', 'Whitworth', 'Ashworth', 'Haworth', 'Barraclough', 'Dobson', 'Kirby',
    ],
  },
  pakistaniBangladeshi: {
    weight: 7,
    female: ['Aisha', 'Fatima', 'Zara', 'Amina', 'Nadia', 'Sadia', 'Ayesha', 'Shabana', 'Rukhsana', 'Farzana', 'Nasreen', 'Tahmina', 'Maryam', 'Hafsa', 'Sumaiya'],
    male: ['Mohammed', 'Imran', 'Asif', 'Tariq', 'Bilal', 'Zain', 'Hamza', 'Ayaan', 'Shahid', 'Kamran', 'Adnan', 'Faisal', 'Rizwan', 'Shafiq', 'Yasin'],
    surnames: ['Khan', 'Hussain', 'Ahmed', 'Ali', 'Akhtar', 'Iqbal', 'Shah', 'Mahmood', 'Rahman', 'Islam', 'Uddin', 'Chowdhury', 'Miah', 'Rashid', 'Bibi'],
  },
  punjabiSikh: {
    weight: 3,
    female: ['Harpreet', 'Gurpreet', 'Simran', 'Navdeep', 'Jaspreet', 'Manpreet', 'Amrit', 'Rupinder'],
    male: ['Jaspal', 'Manjit', 'Kuldeep', 'Harjit', 'Sukhdev', 'Gurdeep', 'Jasvir', 'Ravinder'],
    surnames: ['Gill', 'Sandhu', 'Dhillon', 'Sidhu', 'Bains', 'Johal', 'Grewal', 'Sahota'],
  },
  indian: {
    weight: 3,
    female: ['Priya', 'Anjali', 'Sunita', 'Meena', 'Nisha', 'Kiran', 'Hema', 'Pooja', 'Divya', 'Rekha'],
    male: ['Rohan', 'Arjun', 'Sanjay', 'Vikram', 'Amit', 'Rajesh', 'Sunil', 'Nikhil', 'Dev', 'Hitesh'],
    surnames: ['Patel', 'Mistry', 'Parmar', 'Chauhan', 'Joshi', 'Desai', 'Sharma', 'Lad', 'Solanki', 'Pandya'],
  },
  caribbean: {
    weight: 3,
    female: ['Shanice', 'Tanisha', 'Keisha', 'Marcia', 'Jasmine', 'Sonia', 'Beverley', 'Simone', 'Janelle', 'Chantelle'],
    male: ['Marcus', 'Tyrone', 'Jermaine', 'Leon', 'Andre', 'Delroy', 'Winston', 'Nathaniel', 'Clive', 'Desmond'],
    surnames: ['Francis', 'Grant', 'Henry', 'Gayle', 'Forbes', 'McKenzie', 'Samuels', 'Bailey', 'Campbell', 'Lewis'],
  },
  westAfrican: {
    weight: 4,
    female: ['Ngozi', 'Chiamaka', 'Funmilayo', 'Adaeze', 'Folake', 'Blessing', 'Precious', 'Ama', 'Akosua', 'Abena', 'Yetunde', 'Efua'],
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Kehinde', 'Kwame', 'Kofi', 'Yaw', 'Femi', 'Ikenna', 'Kwabena', 'Segun'],
    surnames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Olawale', 'Ogunleye', 'Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah'],
  },
  somali: {
    weight: 1.5,
    female: ['Hodan', 'Ifrah', 'Sagal', 'Hamdi', 'Ubah', 'Nimco', 'Amran'],
    male: ['Abdirahman', 'Liban', 'Abdullahi', 'Mahad', 'Guled', 'Abdikarim', 'Bashir'],
    surnames: ['Warsame', 'Abdi', 'Jama', 'Osman', 'Nur', 'Duale', 'Egal'],
  },
  polish: {
    weight: 4,
    female: ['Agnieszka', 'Małgorzata', 'Kasia', 'Joanna', 'Magdalena', 'Ewa', 'Katarzyna', 'Monika', 'Marta', 'Aleksandra'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Marek', 'Paweł', 'Łukasz', 'Jakub', 'Michał', 'Grzegorz', 'Kamil'],
    surnames: [
      'Nowak', 'Wójcik', 'Woźniak', 'Mazur', 'Krawczyk',
      ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'],
      ['Zieliński', 'Zielińska'], ['Szymański', 'Szymańska'], ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'],
    ],
  },
  romanian: {
    weight: 2,
    female: ['Elena', 'Ioana', 'Andreea', 'Bianca', 'Mihaela', 'Alina', 'Roxana'],
    male: ['Andrei', 'Mihai', 'Ionuț', 'Alexandru', 'Florin', 'Cosmin', 'Bogdan'],
    surnames: ['Popescu', 'Ionescu', 'Dumitru', 'Stanciu', 'Stoica', 'Constantin', 'Munteanu', 'Marin'],
  },
  chinese: {
    weight: 1.5,
    female: ['Ka Yan', 'Hoi Ting', 'Winnie', 'Ivy', 'Mei Ling', 'Wing Yee', 'Jenny'],
    male: ['Chun Kit', 'Ka Wai', 'Kelvin', 'Siu Ming', 'Ho Yin', 'Wai Lun', 'Kenneth'],
    surnames: ['Chan', 'Wong', 'Cheung', 'Lam', 'Ng', 'Lau', 'Yip', 'Leung', 'Ho', 'Tang'],
  },
  portuguese: {
    weight: 1,
    female: ['Ana', 'Inês', 'Beatriz', 'Mariana', 'Catarina'],
    male: ['João', 'Tiago', 'Rui', 'Nuno', 'Pedro'],
    surnames: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Rodrigues'],
  },
  turkishKurdish: {
    weight: 1,
    female: ['Zeynep', 'Elif', 'Ayşe', 'Derya', 'Hevin', 'Rojda'],
    male: ['Ahmet', 'Mehmet', 'Emre', 'Serkan', 'Baran', 'Dilan'],
    surnames: ['Yılmaz', 'Demir', 'Kaya', 'Aydın', 'Doğan', 'Çelik', 'Arslan'],
  },
  arab: {
    weight: 1,
    female: ['Layla', 'Rania', 'Noor', 'Huda', 'Dima', 'Rasha'],
    male: ['Omar', 'Yousef', 'Khaled', 'Sami', 'Tarek', 'Walid'],
    surnames: ['Haddad', 'Saleh', 'Nasser', 'Mansour', 'Khalil', 'Darwish', 'Hamdan'],
  },
} as const satisfies Record<string, NameGroup>;

export type NameGroupKey = keyof typeof NAME_GROUPS;

/**
 * Full names of well-known people (sport, music, television, politics) that random combination could produce from
 * the lists above; the generator draws again when it makes one. A best effort, not an exhaustive list.
 */
export const FAMOUS_COMBINATIONS: ReadonlySet<string> = new Set([
  'Kelly Holmes', 'Liam Gallagher', 'Alan Davies', 'Mark Williams', 'Paul Young', 'Neil Young', 'Kirsty Young',
  'Scott Mills', 'James Martin', 'Keith Harris', 'Luke Shaw', 'Adam Johnson', 'Gareth Thomas', 'Katie Price',
  'Paul Walker', 'Kelly Jones', 'Grace Jones', 'Amy Williams', 'Claire Richards', 'Keith Richards', 'Mark Hughes',
  'Matthew Kelly', 'Jamie Murray', 'Gary Cooper', 'Lee Evans', 'Ian Brown', 'James Brown', 'James Hunt',
  'Dean Martin', 'Alan Carr', 'Graham Taylor', 'Dylan Thomas', 'Dean Thomas', 'Colin Jackson', 'Harry Hill',
  'Graham Hill', 'Trevor Francis', 'Mark Owen', 'Nicola Adams', 'Katie Taylor', 'Sharon Davies', 'George Harrison',
  'George Clarke', 'Kenneth Clarke', 'Charlie Parker', 'Thomas Cook', 'William Morris', 'William Booth',
  'James Cook', 'Leon Bailey', 'Mohammed Ali', 'Imran Khan', 'Shahid Khan', 'Tariq Ali', 'Faisal Islam',
  'Nadia Hussain', 'Dev Patel', 'Rui Costa', 'Tiago Silva', 'Emeka Okafor', 'Connor Roberts', 'Ryan Mason',
  'Kyle Walker', 'Scott Parker', 'Callum Wilson', 'Keith Allen', 'Colin Baker', 'Gareth Edwards', 'Shaun Edwards',
  'Ian Murray', 'Niall Quinn', 'Liam Byrne', 'Paul Robinson', 'Andre Gray', 'Paul Walsh',
]);
