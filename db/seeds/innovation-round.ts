/**
 * The Innovation Fund's first quarterly round as the council's 2017 Community Resilience paper tells it
 * (../shared/seeds/002_f1e81deb31ef726e.txt, section 3.2 and Appendix 1): 32 outline proposals, of which
 * nine were invited and have sent full applications asking for £257,717 in all (the paper's figure; the
 * split between them is invented). The other 23 outlines (invented, plausible) are waiting for a decision.
 * The nine's target areas, objectives and beneficiaries are as written in the appendix; the groups, their
 * people and everything else are invented demo data.
 */

export interface PaperGroup {
  name: string;
  type: "charity" | "cic" | "unincorporated" | "company";
  charity?: string;
  company?: string;
  address: [string, string];
  postcode: string;
  district: string;
  /** A 2011 LSOA of the district (from the English Indices of Deprivation 2019 file). */
  lsoa: string;
  contact: { name: string; email: string; phone: string };
}

export interface PaperOutline {
  group: PaperGroup;
  title: string;
  targetArea: string;
  objective: string;
  beneficiaries: string;
  summary: string;
  resilience: string;
  wellbeing: string;
  amountPence: number;
}

export interface InvitedProposal extends PaperOutline {
  full: {
    plan: string;
    milestones: [string, string][];
    budget: [string, number][];
    outcomes: string;
    savings: [budget: string, cashable: "yes" | "no", perYearPence: number][];
    evidence: string;
    sustainability: string;
  };
}

const CAMBRIDGE = "E07000008";
const EAST = "E07000009";
const FENLAND = "E07000010";
const HUNTS = "E07000011";
const SOUTH = "E07000012";

/** The nine proposals of Appendix 1, in its order. */
export const INVITED: InvitedProposal[] = [
  {
    group: {
      name: "Cambridgeshire Carers' Circle",
      type: "charity",
      charity: "1163321",
      address: ["The Old Library, Great Whyte", "Ramsey"],
      postcode: "PE26 1HE",
      district: HUNTS,
      lsoa: "E01018144",
      contact: { name: "Janet Pilgrim", email: "janet@carerscircle.example.org", phone: "01487 812034" },
    },
    title: "Carer friendly community hubs",
    targetArea: "Countywide (initially Ramsey, Ely, Shelford, Melbourn, Wisbech and Cambridge)",
    objective: "To develop and deliver carer friendly community hubs alongside the Council's community hubs programme.",
    beneficiaries: "Carers (in particular carers over 80).",
    summary:
      "Weekly drop-ins in six community hubs where unpaid carers can get advice, a break and company, run by trained volunteer carer champions and linked to the council's hubs programme.",
    resilience: "Carers meet other carers nearby and form their own support networks, so they turn to each other before a crisis.",
    wellbeing: "Fewer carers reach breaking point: regular breaks and company reduce isolation and stress, especially for carers over 80.",
    amountPence: 4_985_000,
    full: {
      plan: "Recruit and train twelve volunteer carer champions, open drop-ins in Ramsey and Ely in the first quarter, then Shelford, Melbourn, Wisbech and Cambridge, each with a monthly visit from a carers' adviser.",
      milestones: [
        ["Twelve carer champions trained", "June 2027"],
        ["Six hubs open weekly", "December 2027"],
        ["300 carers supported", "March 2028"],
      ],
      budget: [
        ["Hub coordinator (part time, 18 months)", 2_700_000],
        ["Volunteer training and expenses", 650_000],
        ["Room hire in six hubs", 935_000],
        ["Respite sitting service", 700_000],
      ],
      outcomes: "300 carers supported, measured by hub registers; carer wellbeing measured with the Carers' Wellbeing scale at joining and after six months.",
      savings: [
        ["Adult social care: carer breakdown placements", "yes", 3_500_000],
        ["Adult social care: assessment staff time", "no", 800_000],
      ],
      evidence: "Each carer breakdown leads to an emergency placement costing about £1,200 a week; the pilot hub in Ramsey saw two fewer breakdowns in a year.",
      sustainability: "Hubs continue with volunteer champions and the council's hubs; the coordinator post is to be funded from a Lottery bid in year two.",
    },
  },
  {
    group: {
      name: "Fen and Valley Timebanks Network",
      type: "charity",
      charity: "1171845",
      address: ["14 Market Street", "Ely"],
      postcode: "CB7 4LS",
      district: EAST,
      lsoa: "E01018044",
      contact: { name: "Owen Marchetti", email: "owen@fvtimebanks.example.org", phone: "01353 664120" },
    },
    title: "Timebanks for every town",
    targetArea: "Countywide",
    objective: "To expand timebanks across the county, in particular targeting older or socially isolated people.",
    beneficiaries: "Local residents, in particular older people, the socially isolated, people with mental health issues, young parents.",
    summary: "Set up five new timebanks where members swap an hour of help for an hour of help, with outreach to older and isolated people through GPs and libraries.",
    resilience: "Neighbours exchange help with shopping, lifts and gardening, so people rely less on services for small needs.",
    wellbeing: "Members report less loneliness and more confidence; giving help matters as much as receiving it.",
    amountPence: 3_840_000,
    full: {
      plan: "A timebank broker in each of five towns recruits members through GP surgeries, libraries and children's centres and matches exchanges.",
      milestones: [
        ["Five brokers in post", "May 2027"],
        ["500 members", "March 2028"],
      ],
      budget: [
        ["Timebank brokers (five, part time)", 2_900_000],
        ["Timebank software and insurance", 340_000],
        ["Outreach events", 600_000],
      ],
      outcomes: "500 members and 8,000 hours exchanged, recorded in the timebank software; loneliness measured with the UCLA three-item scale.",
      savings: [
        ["Adult social care: low-level home support", "yes", 2_200_000],
        ["Public health: social prescribing", "no", 500_000],
      ],
      evidence: "Hours exchanged in the Wisbech timebank replaced about 40 low-level care visits a month.",
      sustainability: "Timebanks become self-running with volunteer coordinators; the network charges a small membership fee to parish councils.",
    },
  },
  {
    group: {
      name: "Bright Horizons Family Support",
      type: "charity",
      charity: "1158702",
      address: ["The Vine Centre, Dartford Road", "March"],
      postcode: "PE15 8AQ",
      district: FENLAND,
      lsoa: "E01018103",
      contact: { name: "Priti Chauhan", email: "priti@brighthorizons.example.org", phone: "01354 650231" },
    },
    title: "Family support for disabled children",
    targetArea: "Countywide (Ramsey, St Neots, Ely, March and Wisbech, Cambridge City and South Cambridgeshire)",
    objective: "To expand the provision of support services for families with disabled children.",
    beneficiaries: "Families with children who have additional needs, disabilities and life limiting conditions.",
    summary: "Parent-led support groups, sibling clubs and a family key worker in seven areas, for families waiting for or between statutory services.",
    resilience: "Parents support each other and learn to navigate services together, building networks that last beyond the project.",
    wellbeing: "Less stress for parents and siblings; families reach help earlier.",
    amountPence: 4_500_000,
    full: {
      plan: "Key workers run monthly parent groups and holiday sibling clubs in each area and give one-to-one support to families in difficulty.",
      milestones: [
        ["Parent groups running in seven areas", "September 2027"],
        ["150 families supported", "March 2028"],
      ],
      budget: [
        ["Family key workers", 3_200_000],
        ["Sibling clubs", 800_000],
        ["Venues and transport", 500_000],
      ],
      outcomes: "150 families supported; parental stress measured with the Parental Stress Scale; fewer families reaching crisis point.",
      savings: [["Children's social care: family crisis interventions", "yes", 3_000_000]],
      evidence: "A family in crisis costs about £15,000 in social care time; the pilot group in March prevented two crises in its first year.",
      sustainability: "Parent groups become peer-led; key worker posts are to be funded by the clinical commissioning group after evaluation.",
    },
  },
  {
    group: {
      name: "Cambridge Running Neighbours",
      type: "unincorporated",
      address: ["c/o Chesterton Community Centre, Cam Road", "Cambridge"],
      postcode: "CB4 1LU",
      district: CAMBRIDGE,
      lsoa: "E01017977",
      contact: { name: "Callum Ferreira", email: "callum@runningneighbours.example.org", phone: "07700 900417" },
    },
    title: "Run, visit and help",
    targetArea: "Cambridge City",
    objective: "To support older or vulnerable people across the city through using volunteer runners.",
    beneficiaries: "Older people.",
    summary: "Volunteer runners visit an isolated older person on their weekly run and do one-off jobs for others, matched and checked by a coordinator.",
    resilience: "Younger residents get to know older neighbours and keep an eye out for them.",
    wellbeing: "Regular visits reduce isolation for older people and keep the runners active too.",
    amountPence: 1_260_000,
    full: {
      plan: "A part-time coordinator recruits and checks runners, matches them with older people referred by GPs and social workers, and runs monthly group runs with tasks.",
      milestones: [
        ["60 runners checked and trained", "August 2027"],
        ["80 older people visited weekly", "March 2028"],
      ],
      budget: [
        ["Coordinator (part time)", 900_000],
        ["DBS checks and training", 160_000],
        ["Running kit and publicity", 200_000],
      ],
      outcomes: "80 older people visited weekly; isolation measured at the start and after six months.",
      savings: [["Adult social care: befriending and low-level visits", "no", 600_000]],
      evidence: "Similar schemes elsewhere show fewer falls and GP visits among those visited.",
      sustainability: "Runners continue as volunteers; the group will seek sponsorship from local employers.",
    },
  },
  {
    group: {
      name: "East Cambs Community Health Starters",
      type: "cic",
      company: "10984531",
      address: ["The Shade Business Centre", "Soham"],
      postcode: "CB7 5DE",
      district: EAST,
      lsoa: "E01033430",
      contact: { name: "Ruby Okonkwo", email: "ruby@healthstarters.example.org", phone: "01353 722901" },
    },
    title: "Starting health and wellbeing groups",
    targetArea: "East Cambridgeshire",
    objective: "To help residents to set up new community groups which focus on health and wellbeing.",
    beneficiaries: "Vulnerable people with general health issues.",
    summary: "A small grants and mentoring scheme that helps residents start walking groups, lunch clubs and exercise classes in their villages.",
    resilience: "Residents learn to set up and run their own groups, which go on without us.",
    wellbeing: "More people are active and less isolated in villages with few services.",
    amountPence: 896_700,
    full: {
      plan: "A development worker runs three workshops a year, mentors new organisers and gives start-up grants of up to £250.",
      milestones: [
        ["Twelve new groups started", "December 2027"],
        ["Ten still running after six months", "June 2028"],
      ],
      budget: [
        ["Development worker (one day a week)", 596_700],
        ["Start-up grants", 300_000],
      ],
      outcomes: "Twelve new groups with 200 members; activity and wellbeing measured with the short Warwick-Edinburgh scale.",
      savings: [["Public health: physical activity programmes", "no", 250_000]],
      evidence: "Village walking groups in the district have kept members active at a fraction of the cost of referral schemes.",
      sustainability: "Groups run themselves; the CIC's training continues from fees charged to parish councils.",
    },
  },
  {
    group: {
      name: "Brampton Village Hub Association",
      type: "unincorporated",
      address: ["The Memorial Hall, High Street", "Brampton"],
      postcode: "PE28 4TQ",
      district: HUNTS,
      lsoa: "E01018203",
      contact: { name: "Margaret Ashdown", email: "margaret@bramptonhub.example.org", phone: "01480 455612" },
    },
    title: "A hub for the village",
    targetArea: "Huntingdonshire",
    objective: "To support the development of a village hub.",
    beneficiaries: "Local residents, in particular people who are lonely, vulnerable or nearing crisis.",
    summary: "A village hub in the memorial hall with a micro library, IT mentoring, a good neighbour scheme and befriending, open five days a week.",
    resilience: "The hub brings the village's help together so no one falls through the gaps.",
    wellbeing: "Lonely and vulnerable residents have somewhere to go and someone to ask.",
    amountPence: 3_500_000,
    full: {
      plan: "Refit the hall's side room, recruit a hub coordinator and 30 volunteers, and open the library, IT help and good neighbour desk in stages.",
      milestones: [
        ["Side room refitted", "July 2027"],
        ["Hub open five days a week", "October 2027"],
      ],
      budget: [
        ["Refit of the side room", 1_200_000],
        ["Hub coordinator (part time, 18 months)", 1_800_000],
        ["IT equipment and library stock", 500_000],
      ],
      outcomes: "300 residents using the hub; 40 people helped through the good neighbour scheme, recorded by the coordinator.",
      savings: [
        ["Libraries: mobile library visits", "yes", 400_000],
        ["Adult social care: low-level support", "no", 900_000],
      ],
      evidence: "The village survey found 60 older residents without family nearby; the scheme replaces calls that now go to the council.",
      sustainability: "Volunteers run the hub; the parish council has agreed to meet the running costs from year two.",
    },
  },
  {
    group: {
      name: "Great Stukeley Neighbourhood Care",
      type: "unincorporated",
      address: ["Church Cottage, Owl End", "Great Stukeley"],
      postcode: "PE28 4AQ",
      district: HUNTS,
      lsoa: "E01018197",
      contact: { name: "Derek Holloway", email: "derek@stukeleycare.example.org", phone: "01480 453390" },
    },
    title: "Neighbourhood care in the parish",
    targetArea: "Huntingdonshire",
    objective: "To provide community care for older and vulnerable people in the parish.",
    beneficiaries: "Older and vulnerable people.",
    summary: "Trained neighbours provide practical help and companionship to older people after a hospital stay and while they wait for care.",
    resilience: "The parish looks after its own, with neighbours trained and supported to help safely.",
    wellbeing: "People come home from hospital sooner and feel safer at home.",
    amountPence: 2_450_000,
    full: {
      plan: "A care organiser trains 25 neighbours, takes referrals from the hospital discharge team and the GP, and arranges visits.",
      milestones: [
        ["25 neighbours trained", "June 2027"],
        ["60 people helped home", "March 2028"],
      ],
      budget: [
        ["Care organiser (part time)", 1_600_000],
        ["Training and DBS checks", 350_000],
        ["Volunteer expenses", 500_000],
      ],
      outcomes: "60 people helped home; days waiting for care recorded against the discharge team's figures.",
      savings: [["Adult social care: delayed transfers of care", "yes", 2_000_000]],
      evidence: "Each day's delay in discharge costs the system about £300; local delays average four days.",
      sustainability: "The scheme joins the council's Neighbourhood Cares pilot if it succeeds.",
    },
  },
  {
    group: {
      name: "Ouse Valley Neuro Support Group",
      type: "charity",
      charity: "1149876",
      address: ["Priory Centre, Priory Lane", "St Neots"],
      postcode: "PE19 2BH",
      district: HUNTS,
      lsoa: "E01018180",
      contact: { name: "Sandeep Gill", email: "sandeep@ousevalleyneuro.example.org", phone: "01480 476002" },
    },
    title: "Living well with neurological conditions",
    targetArea: "Huntingdonshire",
    objective: "To provide support and activities for people with neurological conditions in the parish.",
    beneficiaries: "People with multiple disabilities.",
    summary: "Weekly exercise, peer support and carers' sessions for people with conditions such as Parkinson's, MS and acquired brain injury.",
    resilience: "Members and carers support each other between appointments.",
    wellbeing: "Members stay mobile and connected; carers get a break.",
    amountPence: 1_840_000,
    full: {
      plan: "Weekly sessions with a specialist physiotherapist and volunteers, monthly carers' sessions and transport for members who need it.",
      milestones: [
        ["Weekly sessions running", "May 2027"],
        ["45 members attending regularly", "March 2028"],
      ],
      budget: [
        ["Specialist physiotherapist sessions", 1_040_000],
        ["Accessible transport", 600_000],
        ["Venue hire", 200_000],
      ],
      outcomes: "45 members attending; mobility and confidence measured every six months.",
      savings: [["Adult social care: day care places", "yes", 1_200_000]],
      evidence: "Members who attend need fewer day care places; six of the current members have stopped using day care.",
      sustainability: "Members contribute a small fee; the group applies to national condition charities for continuing funding.",
    },
  },
  {
    group: {
      name: "St Neots Pathways to Work",
      type: "cic",
      company: "11204577",
      address: ["Unit 4, Cromwell Court", "St Neots"],
      postcode: "PE19 1BN",
      district: HUNTS,
      lsoa: "E01018143",
      contact: { name: "Hannah Kowalczyk", email: "hannah@pathwaystowork.example.org", phone: "01480 219344" },
    },
    title: "Pathways to work",
    targetArea: "Huntingdonshire",
    objective: "To train, support and mentor young adults with learning difficulties/disabilities to progress towards voluntary, supported, paid of selfemployment.",
    beneficiaries: "People with learning difficulties.",
    summary: "A year-long programme of work skills training, placements with local employers and one-to-one mentoring for young adults with learning disabilities.",
    resilience: "Local employers learn to include young adults with learning disabilities, and the young people build their own networks.",
    wellbeing: "Young adults gain confidence, purpose and independence.",
    amountPence: 2_500_000,
    full: {
      plan: "Two cohorts of twelve young adults a year: twelve weeks of training, then placements with mentors, then support into work or volunteering.",
      milestones: [
        ["First cohort starts", "September 2027"],
        ["Ten young adults in work or volunteering", "September 2028"],
      ],
      budget: [
        ["Job coaches", 1_800_000],
        ["Training materials and travel", 400_000],
        ["Employer engagement", 300_000],
      ],
      outcomes: "24 young adults trained; 10 in paid or voluntary work after a year, followed up by the job coaches.",
      savings: [["Adult social care: day services for people with learning disabilities", "yes", 2_600_000]],
      evidence: "A day service place costs about £10,000 a year; each young adult in work needs fewer days.",
      sustainability: "Employers fund placements in year two; the CIC earns income from its café.",
    },
  },
];

/** The other 23 outline proposals, waiting for the panel's decision (all invented). */
export const WAITING: PaperOutline[] = [
  outline("Wisbech Repair Café", "unincorporated", ["St Peter's Church Hall, Church Terrace", "Wisbech"], "PE13 1BW", FENLAND, "E01018107", ["Linda Marsh", "linda@wisbechrepair.example.org"], "Repair cafés in Wisbech and March", "Wisbech and March", "To run monthly repair cafés where volunteers fix household items with their owners.", "Residents on low incomes, older people.", 540_000),
  outline("Chatteris Men's Shed", "unincorporated", ["Unit 2, Fenton Way", "Chatteris"], "PE16 6UP", FENLAND, "E01018086", ["Graham Tofts", "graham@chatterisshed.example.org"], "A workshop for the town", "Chatteris", "To open a community workshop where older men share skills and company.", "Older men who are isolated or recently bereaved.", 1_200_000),
  outline("March Community Fridge", "charity", ["The Hub, High Street", "March"], "PE15 9JH", FENLAND, "E01018102", ["Aisha Rahman", "aisha@marchfridge.example.org"], "A community fridge for March", "March", "To redistribute surplus food from shops to residents through a community fridge.", "Families on low incomes, anyone who needs food.", 650_000),
  outline("Whittlesey Digital Friends", "unincorporated", ["Library, Market Street", "Whittlesey"], "PE7 1BA", FENLAND, "E01018108", ["Tomasz Nowicki", "tomasz@digitalfriends.example.org"], "Digital friends", "Whittlesey", "To help older residents get online and use council and health services digitally.", "Older people without internet skills.", 480_000),
  outline("Huntingdon Befriending Service", "charity", ["Commemoration Hall, High Street", "Huntingdon"], "PE29 3QB", HUNTS, "E01018144", ["Beverley Quinn", "beverley@huntsbefriending.example.org"], "Telephone and visiting befriending", "Huntingdon and Godmanchester", "To provide weekly telephone and home befriending for isolated older people.", "Isolated older people.", 2_100_000),
  outline("St Ives Youth Mentors", "cic", ["Burleigh Hill Community Centre", "St Ives"], "PE27 6DR", HUNTS, "E01018197", ["Kwame Mensah", "kwame@styouthmentors.example.org"], "Mentoring young people at risk", "St Ives", "To match young people at risk of leaving school early with trained adult mentors.", "Young people aged 13 to 17.", 2_800_000),
  outline("Sawtry Community Transport", "charity", ["The Green", "Sawtry"], "PE28 5SX", HUNTS, "E01018203", ["Philip Greaves", "philip@sawtrytransport.example.org"], "Village car scheme", "Sawtry and surrounding villages", "To expand a volunteer car scheme to hospital and GP appointments.", "Older and disabled people without transport.", 1_650_000),
  outline("Ely Dementia Café", "unincorporated", ["Cathedral Centre, Bedford Street", "Ely"], "CB7 4JU", EAST, "E01018046", ["Fiona McLeod", "fiona@elydementiacafe.example.org"], "A dementia-friendly café", "Ely", "To run a weekly café for people living with dementia and their carers.", "People with dementia and their carers.", 720_000),
  outline("Littleport Parents Together", "unincorporated", ["Village Hall, Victoria Street", "Littleport"], "CB6 1LU", EAST, "E01033427", ["Leanne Bird", "leanne@parentstogether.example.org"], "Peer support for parents", "Littleport", "To set up peer support groups for parents of young children.", "Young parents, especially first-time parents.", 930_000),
  outline("Burwell Allotment Therapy", "cic", ["Ness Road Allotments", "Burwell"], "CB25 0DU", EAST, "E01018021", ["Noel Hargreaves", "noel@burwelltherapy.example.org"], "Growing for health", "Burwell and Soham", "To offer therapeutic gardening for people with mental health problems.", "Adults with mental health problems.", 1_380_000),
  outline("Cambridge Warm Spaces Network", "charity", ["Storey's Field Centre, Eddington Avenue", "Cambridge"], "CB3 1AA", CAMBRIDGE, "E01017948", ["Yusuf Demir", "yusuf@warmspaces.example.org"], "Warm spaces in every ward", "Cambridge City", "To open warm, welcoming spaces in community centres through the winter.", "People in fuel poverty, older people living alone.", 3_200_000),
  outline("Arbury Holiday Food Club", "unincorporated", ["Arbury Community Centre, Campkin Road", "Cambridge"], "CB4 2LD", CAMBRIDGE, "E01017946", ["Shona Patterson", "shona@arburyfood.example.org"], "Holiday food and fun", "North Cambridge", "To run holiday clubs with a hot meal for children on free school meals.", "Children on free school meals and their families.", 1_560_000),
  outline("Abbey Walking for Health", "unincorporated", ["Abbey Meadows School, Galfrid Road", "Cambridge"], "CB5 8ND", CAMBRIDGE, "E01018002", ["Deborah Clarke", "deborah@abbeywalks.example.org"], "Walks from the doorstep", "Abbey ward, Cambridge", "To start led walks for residents who are inactive or recovering from illness.", "Inactive adults, people recovering from illness.", 310_000),
  outline("Cambridge Refugee Welcome Circle", "charity", ["Mill Road Baptist Church", "Cambridge"], "CB1 3AN", CAMBRIDGE, "E01032795", ["Nadia Haddad", "nadia@refugeewelcome.example.org"], "English and friendship for new arrivals", "Cambridge City", "To offer conversation clubs and practical help to refugee families.", "Refugee and asylum-seeking families.", 1_900_000),
  outline("Sawston Good Neighbours", "unincorporated", ["Spicers Pavilion, New Road", "Sawston"], "CB22 3BP", SOUTH, "E01018275", ["Alan Baxter", "alan@sawstonneighbours.example.org"], "Good neighbours for Sawston", "Sawston", "To set up a good neighbour scheme for lifts, shopping and small jobs.", "Older and disabled residents.", 860_000),
  outline("Cambourne Youth Partnership", "cic", ["The Hub, High Street", "Cambourne"], "CB23 6GW", SOUTH, "E01033116", ["Jess Okafor", "jess@cambourneyouth.example.org"], "Youth club in a new town", "Cambourne", "To run youth sessions and a youth council in a fast-growing town.", "Young people aged 11 to 18.", 2_400_000),
  outline("Linton Village Lunch Club", "unincorporated", ["Village Hall, Coles Lane", "Linton"], "CB21 4JS", SOUTH, "E01018273", ["Maureen Price", "maureen@lintonlunch.example.org"], "Lunch and company", "Linton and Hildersham", "To run a weekly lunch club with transport for older residents.", "Older people living alone.", 420_000),
  outline("Melbourn Mental Health Peer Support", "charity", ["The Hub, High Street", "Melbourn"], "SG8 6AL", SOUTH, "E01018233", ["Graeme Fitch", "graeme@melbournpeers.example.org"], "Peer support after crisis", "Melbourn, Bassingbourn and Royston fringe", "To train peer supporters who help people after a mental health crisis.", "Adults after a mental health crisis.", 2_250_000),
  outline("Histon Road Community Garden", "unincorporated", ["Histon Road Recreation Ground", "Cambridge"], "CB4 3JD", CAMBRIDGE, "E01017977", ["Eilidh Grant", "eilidh@histonroadgarden.example.org"], "A garden for everyone", "Histon Road area", "To turn unused land into a community garden with sessions for schools and older people.", "Families and older residents.", 600_000),
  outline("Ramsey Rural Advice Bus", "charity", ["Ailwyn Hall, High Street", "Ramsey"], "PE26 1AB", HUNTS, "E01018143", ["Colin Stearn", "colin@ramseyadvicebus.example.org"], "Advice on wheels", "Ramsey and the surrounding fen villages", "To take benefits, debt and housing advice to villages by minibus.", "Residents of rural villages far from services.", 4_100_000),
  outline("Soham Carers' Breaks", "unincorporated", ["Beechurst, Clay Street", "Soham"], "CB7 5HA", EAST, "E01033430", ["Angela Dyer", "angela@sohambreaks.example.org"], "Short breaks for carers", "Soham and Fordham", "To offer sitting services so carers can take short breaks.", "Unpaid carers.", 1_050_000),
  outline("Wisbech Eastern European Link", "cic", ["Oldfield Lane Community Rooms", "Wisbech"], "PE13 2RJ", FENLAND, "E01018103", ["Irena Kazlauskiene", "irena@wisbechlink.example.org"], "Link workers for new communities", "Wisbech", "To help Eastern European residents use health, housing and council services.", "Eastern European residents and their families.", 2_700_000),
  outline("Bar Hill Community Fitness", "unincorporated", ["Octagon, Gladeside", "Bar Hill"], "CB23 8DY", SOUTH, "E01018226", ["Marcus Webb", "marcus@barhillfitness.example.org"], "Fitness for all ages", "Bar Hill and Dry Drayton", "To run low-cost fitness classes for older and inactive residents.", "Older and inactive residents.", 380_000),
];

function outline(
  name: string,
  type: PaperGroup["type"],
  address: [string, string],
  postcode: string,
  district: string,
  lsoa: string,
  contact: [string, string],
  title: string,
  targetArea: string,
  objective: string,
  beneficiaries: string,
  amountPence: number,
): PaperOutline {
  return {
    group: { name, type, address, postcode, district, lsoa, contact: { name: contact[0], email: contact[1], phone: "01223 000000" } },
    title,
    targetArea,
    objective,
    beneficiaries,
    summary: `${objective.replace(/^To /, "We will ").replace(/\.$/, "")}, working with local partners and volunteers.`,
    resilience: "Local people will run it themselves, helping each other rather than waiting for services.",
    wellbeing: "The people it is for will be less isolated and better able to stay well and independent.",
    amountPence,
  };
}
