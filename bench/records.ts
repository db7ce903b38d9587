// Record text for the benchmark bundles: progress reports (PR-2), imaging reports, procedure
// notes, utilization review letters, physical therapy notes and consultations for one invented
// claimant, written from sentence templates with seeded variation. All text, names, practices and
// numbers here were written for the benchmark (phone numbers in the 555 range); none of it comes
// from a real record or from the evaluation set.
import type { Rng } from './prng.js';

// ── dates ─────────────────────────────────────────────────────────────────────────────────────────

export type DateStyle = 'mdy2' | 'mdy4' | 'dash' | 'long' | 'iso';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function formatDate(d: Date, style: DateStyle): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (style) {
    case 'mdy2':
      return `${p2(m)}/${p2(day)}/${p2(y % 100)}`;
    case 'mdy4':
      return `${p2(m)}/${p2(day)}/${y}`;
    case 'dash':
      return `${m}-${day}-${p2(y % 100)}`;
    case 'long':
      return `${MONTHS[m - 1]} ${day}, ${y}`;
    case 'iso':
      return `${y}-${p2(m)}-${p2(day)}`;
  }
}

export function isoDay(d: Date): string {
  return formatDate(d, 'iso');
}

// ── the claim ─────────────────────────────────────────────────────────────────────────────────────

export type RegionId = 'lumbar' | 'cervical' | 'shoulder' | 'knee';

export interface Claim {
  first: string;
  last: string;
  sex: 'M' | 'F';
  dob: Date;
  claimNo: string;
  doi: Date;
  employer: string;
  occupation: string;
  administrator: string;
  region: Region;
  /** "left"/"right" for a shoulder or knee; "" for the spine */
  side: string;
  /** the side a spine claimant's radiating symptoms favour */
  worseSide: string;
  mechanism: string;
}

export interface Provider {
  kind: 'treating' | 'pain' | 'imaging' | 'therapy' | 'review' | 'consult';
  practice: string;
  address: string;
  phone: string;
  fax: string;
  clinician: string;
  credentials: string;
  dateStyle: DateStyle;
  /** sends its records by fax: a banner on every page */
  faxes: boolean;
}

const FIRST_M = ['Daniel', 'Marcus', 'Luis', 'Trevor', 'Samuel', 'Victor', 'Gordon', 'Ramon', 'Elliot', 'Howard'];
const FIRST_F = ['Teresa', 'Monica', 'Alicia', 'Janet', 'Rosa', 'Denise', 'Paula', 'Carmen', 'Helen', 'Naomi'];
const LAST = ['Arvizu', 'Bellamy', 'Castellanos', 'Dunleavy', 'Echols', 'Fairweather', 'Galindo', 'Hargrove', 'Iverson', 'Kowalczyk', 'Lindqvist', 'Mercado', 'Northcutt', 'Okafor', 'Pendergast'];
const JOBS: [string, string][] = [
  ['warehouse forklift operator', 'Tri-County Cold Storage'],
  ['commercial roofer', 'Summit Ridge Roofing Inc.'],
  ['certified nursing assistant', 'Oak Hollow Skilled Nursing'],
  ['delivery driver', 'Valley Parcel Logistics'],
  ['grocery stocker', 'Harvest Basket Markets'],
  ['maintenance mechanic', 'Cascade Bottling Company'],
  ['school custodian', 'Mesa Unified School District'],
  ['line cook', 'Copper Kettle Restaurant Group'],
];
const ADMINISTRATORS = ['Keystone Claims Management', 'Pacific Crest Risk Services', 'Granite Bay Claims Administrators', 'Harborview Comp Solutions'];
const CITIES = [
  ['Bakersfield', 'CA', '93301', '661'],
  ['Stockton', 'CA', '95202', '209'],
  ['Visalia', 'CA', '93291', '559'],
  ['Modesto', 'CA', '95354', '209'],
  ['Redding', 'CA', '96001', '530'],
];
const STREETS = ['Truxtun Avenue', 'Pacific Avenue', 'Mooney Boulevard', 'McHenry Avenue', 'Cypress Avenue', 'Ming Avenue', 'Hammer Lane', 'Court Street'];
const DOCTOR_FIRST = ['Alan', 'Priya', 'Martin', 'Grace', 'Howard', 'Leena', 'Oscar', 'Ruth', 'Stephen', 'Yolanda', 'Farid', 'Joan'];
const DOCTOR_LAST = ['Abernathy', 'Bhandari', 'Calloway', 'Desrosiers', 'Eckhardt', 'Fujimoto', 'Gallardo', 'Haverford', 'Ishikawa', 'Jorgensen', 'Kessler', 'Lomax', 'Mendelsohn', 'Nakashima'];

export function makeClaim(rng: Rng): Claim {
  const sex = rng.pick(['M', 'F'] as const);
  const regionId = rng.pick(['lumbar', 'cervical', 'shoulder', 'knee'] as const);
  const [occupation, employer] = rng.pick(JOBS);
  const doi = new Date(Date.UTC(rng.int(2009, 2013), rng.int(0, 11), rng.int(1, 28)));
  const region = REGIONS[regionId];
  return {
    first: rng.pick(sex === 'M' ? FIRST_M : FIRST_F),
    last: rng.pick(LAST),
    sex,
    dob: new Date(Date.UTC(rng.int(1958, 1985), rng.int(0, 11), rng.int(1, 28))),
    claimNo: `${String(doi.getUTCFullYear()).slice(2)}-${rng.int(10000, 99999)}-WC`,
    doi,
    employer,
    occupation,
    administrator: rng.pick(ADMINISTRATORS),
    region,
    side: region.sided ? rng.pick(['left', 'right']) : '',
    worseSide: rng.pick(['left', 'right']),
    mechanism: rng.pick(region.mechanisms),
  };
}

const PRACTICE_NAMES: Record<Provider['kind'], string[]> = {
  treating: ['Valley Occupational Medicine Group', 'Central Industrial Medical Clinic', 'Riverbend Orthopedic Associates'],
  pain: ['Sequoia Pain & Spine Institute', 'Interventional Pain Consultants of the Valley'],
  imaging: ['Westside Diagnostic Imaging', 'Foothill Open MRI Center'],
  therapy: ['Momentum Physical Therapy', 'Stride Rehabilitation Services'],
  review: ['Keystone Utilization Review Services', 'Meridian Medical Review Network'],
  consult: ['Lakeshore Spine & Joint Surgeons', 'Orthopedic Specialists of the Central Coast'],
};
const CREDENTIALS: Record<Provider['kind'], string[]> = {
  treating: ['M.D.', 'D.O.'],
  pain: ['M.D., Pain Medicine'],
  imaging: ['M.D., Diagnostic Radiology'],
  therapy: ['PT, DPT', 'MPT'],
  review: ['M.D., Physical Medicine and Rehabilitation', 'M.D., Occupational Medicine'],
  consult: ['M.D., Orthopedic Surgery'],
};

export function makeProvider(rng: Rng, kind: Provider['kind']): Provider {
  const [city, state, zip, area] = rng.pick(CITIES) as [string, string, string, string];
  const num = rng.int(100, 9899);
  return {
    kind,
    practice: rng.pick(PRACTICE_NAMES[kind]),
    address: `${num} ${rng.pick(STREETS)}, Suite ${rng.int(1, 4)}${rng.int(0, 2)}0, ${city}, ${state} ${zip}`,
    phone: `(${area}) 555-0${rng.int(100, 199)}`,
    fax: `(${area}) 555-0${rng.int(100, 199)}`,
    clinician: `${rng.pick(DOCTOR_FIRST)} ${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(DOCTOR_LAST)}`,
    credentials: rng.pick(CREDENTIALS[kind]),
    dateStyle: rng.pick(['mdy2', 'mdy4', 'dash', 'long', 'iso'] as const),
    faxes: rng.chance(0.35),
  };
}

// ── body regions ──────────────────────────────────────────────────────────────────────────────────

interface Region {
  id: RegionId;
  sided: boolean;
  /** "low back", "neck", "shoulder", "knee" (a side is put in front where the region has one) */
  complaint: string;
  part: string;
  mechanisms: string[];
  symptoms: string[];
  examNormal: string[];
  examAbnormal: string[];
  neuro: string[];
  diagnoses: [string, string][];
  imaging: { study: string; cpt: string; findings: string[]; impressions: string[] };
  procedures: { name: string; cpt: string; steps: string[] }[];
  requests: string[];
  ptExercises: string[];
  guideline: string;
}

const REGIONS: Record<RegionId, Region> = {
  lumbar: {
    id: 'lumbar',
    sided: false,
    complaint: 'low back',
    part: 'lumbar spine',
    mechanisms: [
      'lifting a stack of cases from a low pallet',
      'slipping on a wet loading ramp and landing on the buttocks',
      'twisting while carrying a heavy toolbox down a ladder',
      'pulling a loaded cart that stuck on a threshold',
    ],
    symptoms: [
      'The pain is centered across the lower lumbar region and is worse with prolonged sitting and bending.',
      'Pain radiates intermittently into the {side2} buttock and posterior thigh, stopping above the knee.',
      'Morning stiffness lasts about thirty minutes and eases with a warm shower and walking.',
      'Driving longer than forty minutes aggravates the pain.',
      'Coughing and sneezing do not change the leg symptoms.',
      'Sleep is interrupted two or three times a night when turning in bed.',
    ],
    examNormal: [
      'Lumbar spine: No tenderness to palpation. Flexion to 80 degrees and extension to 25 degrees without pain.',
      'Straight leg raise is negative bilaterally in the seated and supine positions.',
      'Gait is normal, and heel and toe walking are performed without difficulty.',
    ],
    examAbnormal: [
      'Lumbar spine: Tenderness and guarding over the paraspinal muscles from L3 to S1, {side2} greater than {side1}.',
      'Flexion is limited to {flex} degrees and extension to {ext} degrees with reproduction of axial pain.',
      'Facet loading maneuvers reproduce the low back pain bilaterally.',
      'Straight leg raise is positive on the {side2} at {slr} degrees, reproducing pain into the posterior thigh.',
      'Gait is mildly antalgic favoring the {side1} leg.',
    ],
    neuro: [
      'Neurologic: Strength is 5/5 in the hip flexors, quadriceps, tibialis anterior, extensor hallucis longus and gastrocsoleus bilaterally.',
      'Sensation is intact to light touch in the L3 through S1 dermatomes.',
      'Patellar and Achilles reflexes are 2+ and symmetric.',
    ],
    diagnoses: [
      ['Lumbar sprain/strain', 'S39.012A'],
      ['Lumbar facet arthropathy', 'M47.816'],
      ['Lumbar degenerative disc disease', 'M51.36'],
      ['Lumbar radiculopathy', 'M54.16'],
      ['Chronic low back pain', 'M54.50'],
    ],
    imaging: {
      study: 'MRI LUMBAR SPINE WITHOUT CONTRAST',
      cpt: '72148',
      findings: [
        'Alignment: Normal lumbar lordosis. No spondylolisthesis.',
        'Vertebral bodies: Vertebral body heights are maintained. No marrow replacing lesion or fracture.',
        'L3-L4: Mild disc desiccation. No canal or foraminal stenosis.',
        'L4-L5: Disc desiccation with a {mm} mm broad-based posterior disc bulge and mild facet hypertrophy. Mild bilateral foraminal narrowing without nerve root impingement.',
        'L5-S1: Moderate facet arthropathy, {side2} greater than {side1}. No disc herniation. The traversing S1 nerve roots are free.',
        'Conus medullaris: Terminates normally at the L1 level.',
      ],
      impressions: [
        'Degenerative disc disease at L4-L5 with a {mm} mm disc bulge and mild foraminal narrowing.',
        'Facet arthropathy at L5-S1.',
        'No central canal stenosis and no nerve root compression.',
      ],
    },
    procedures: [
      {
        name: 'Bilateral L4-L5 and L5-S1 facet joint injections under fluoroscopic guidance',
        cpt: '64493, 64494',
        steps: [
          'A 22-gauge spinal needle was advanced into each facet joint under intermittent fluoroscopy.',
          'Contrast confirmed intra-articular spread without vascular uptake.',
          'A mixture of 0.5 mL of 0.5% bupivacaine and 10 mg of triamcinolone was injected into each joint.',
        ],
      },
      {
        name: 'Transforaminal epidural steroid injection at {side2} L5-S1',
        cpt: '64483',
        steps: [
          'The needle was advanced to the {side2} L5-S1 neural foramen under fluoroscopic guidance.',
          'Omnipaque contrast outlined the exiting nerve root and the epidural space with no intravascular spread.',
          'Dexamethasone 10 mg mixed with 1 mL of preservative-free saline was injected slowly.',
        ],
      },
    ],
    requests: [
      'MRI of the lumbar spine without contrast',
      'physical therapy, 8 visits',
      'lumbar facet joint injections at L4-L5 and L5-S1',
      'a TENS unit for home use',
      'acupuncture, 6 sessions',
      'a lumbar support brace',
      'chiropractic manipulation, 6 visits',
    ],
    ptExercises: ['lumbar stabilization', 'hip hinge training', 'bird-dog and dead-bug progressions', 'hamstring flexibility', 'walking program on the treadmill'],
    guideline: 'California MTUS, ACOEM Practice Guidelines, Chapter 12, Low Back Complaints',
  },
  cervical: {
    id: 'cervical',
    sided: false,
    complaint: 'neck',
    part: 'cervical spine',
    mechanisms: ['being rear-ended in a company van at a stop light', 'working overhead on a ceiling fixture for several hours', 'a fall from a step stool striking the head and neck'],
    symptoms: [
      'The neck pain spreads into the upper trapezius on both sides and is worse at the end of a work shift.',
      'Occasional tingling extends into the {side2} thumb and index finger when looking up.',
      'Headaches at the base of the skull occur three or four times a week.',
      'Turning the head to check blind spots while driving is painful.',
      'Reading for more than half an hour increases the stiffness.',
    ],
    examNormal: ['Cervical spine: Full range of motion without pain. No paraspinal tenderness.', 'Spurling test is negative bilaterally.', 'Upper extremity strength is 5/5 throughout.'],
    examAbnormal: [
      'Cervical spine: Tenderness over the paraspinal muscles and the upper trapezius, {side2} greater than {side1}.',
      'Rotation is limited to {flex} degrees to the {side2} and {ext} degrees to the {side1}.',
      'Spurling test reproduces neck pain and tingling into the {side2} hand.',
      'Trigger points are palpable in the {side2} levator scapulae.',
    ],
    neuro: [
      'Neurologic: Deltoid, biceps, triceps, wrist extensor and grip strength are 5/5 bilaterally.',
      'Sensation is intact in the C5 through T1 dermatomes.',
      'Biceps, triceps and brachioradialis reflexes are 2+ and symmetric.',
    ],
    diagnoses: [
      ['Cervical sprain/strain', 'S13.4XXA'],
      ['Cervical radiculopathy', 'M54.12'],
      ['Cervical degenerative disc disease', 'M50.30'],
      ['Myofascial pain syndrome', 'M79.18'],
    ],
    imaging: {
      study: 'MRI CERVICAL SPINE WITHOUT CONTRAST',
      cpt: '72141',
      findings: [
        'Alignment: Mild straightening of the cervical lordosis.',
        'C4-C5: No disc herniation. Canal and foramina are patent.',
        'C5-C6: A {mm} mm posterior disc osteophyte complex with mild {side2} foraminal narrowing.',
        'C6-C7: Mild disc desiccation without stenosis.',
        'Cord: Normal signal within the cervical cord.',
      ],
      impressions: ['C5-C6 disc osteophyte complex measuring {mm} mm with mild {side2} foraminal narrowing.', 'No cord compression or abnormal cord signal.'],
    },
    procedures: [
      {
        name: 'Cervical interlaminar epidural steroid injection at C7-T1',
        cpt: '62321',
        steps: [
          'A 20-gauge Tuohy needle was advanced to the C7-T1 epidural space with loss of resistance.',
          'Contrast confirmed epidural spread without intrathecal or vascular filling.',
          'Triamcinolone 40 mg in 3 mL of preservative-free saline was injected.',
        ],
      },
      {
        name: 'Trigger point injections, {side2} trapezius and levator scapulae',
        cpt: '20553',
        steps: ['Four trigger points were identified by palpation.', 'Each was injected with 1 mL of 1% lidocaine using a 25-gauge needle.'],
      },
    ],
    requests: [
      'MRI of the cervical spine without contrast',
      'physical therapy, 8 visits',
      'a cervical epidural steroid injection at C7-T1',
      'a home cervical traction unit',
      'acupuncture, 6 sessions',
      'an EMG/NCV study of the upper extremities',
    ],
    ptExercises: ['deep neck flexor training', 'scapular retraction', 'thoracic mobility', 'postural education', 'upper trapezius stretching'],
    guideline: 'California MTUS, ACOEM Practice Guidelines, Chapter 8, Neck and Upper Back Complaints',
  },
  shoulder: {
    id: 'shoulder',
    sided: true,
    complaint: 'shoulder',
    part: 'shoulder',
    mechanisms: ['lifting a case of product onto a high shelf', 'catching a falling ladder', 'repetitive overhead reaching on an assembly line'],
    symptoms: [
      'Pain is felt over the lateral deltoid and is worse with reaching overhead and behind the back.',
      'Night pain wakes the patient when lying on the {side} side.',
      'Lifting a gallon of milk from the refrigerator is painful.',
      'There is no numbness or tingling in the hand.',
      'Dressing, especially putting on a jacket, takes longer than before the injury.',
    ],
    examNormal: ['{Side} shoulder: Full active range of motion. Impingement signs are negative.', 'Rotator cuff strength is 5/5.', 'The contralateral shoulder is normal.'],
    examAbnormal: [
      '{Side} shoulder: Tenderness over the greater tuberosity and the bicipital groove.',
      'Active flexion to {flex} degrees and abduction to {ext} degrees, limited by pain.',
      'Neer and Hawkins impingement signs are positive.',
      'Supraspinatus strength is 4/5 with pain on empty can testing.',
      'The drop arm test is negative.',
    ],
    neuro: ['Neurovascular: Radial pulse 2+. Sensation intact in the axillary, median, radial and ulnar distributions.', 'Grip strength is symmetric.'],
    diagnoses: [
      ['{Side} shoulder impingement syndrome', 'M75.4'],
      ['{Side} rotator cuff tendinosis', 'M75.1'],
      ['{Side} shoulder sprain', 'S43.4'],
      ['Subacromial bursitis, {side} shoulder', 'M75.5'],
    ],
    imaging: {
      study: 'MRI {SIDE} SHOULDER WITHOUT CONTRAST',
      cpt: '73221',
      findings: [
        'Rotator cuff: Tendinosis of the supraspinatus with a {mm} mm partial-thickness articular-sided tear at the footprint. The infraspinatus and subscapularis are intact.',
        'Biceps: The long head of the biceps tendon is in the groove with mild tenosynovitis.',
        'Labrum: No displaced labral tear.',
        'Acromioclavicular joint: Moderate degenerative hypertrophy with a type II acromion.',
        'Bursa: Small amount of fluid in the subacromial-subdeltoid bursa.',
      ],
      impressions: ['Supraspinatus tendinosis with a {mm} mm partial-thickness articular-sided tear.', 'Subacromial-subdeltoid bursitis.', 'No full-thickness rotator cuff tear.'],
    },
    procedures: [
      {
        name: 'Subacromial corticosteroid injection, {side} shoulder',
        cpt: '20610',
        steps: [
          'The posterior approach was used after sterile preparation.',
          'A 22-gauge needle was directed into the subacromial space.',
          'Methylprednisolone 40 mg with 4 mL of 1% lidocaine was injected without resistance.',
        ],
      },
      {
        name: 'Arthroscopic subacromial decompression and debridement, {side} shoulder',
        cpt: '29826, 29822',
        steps: [
          'Diagnostic arthroscopy showed fraying of the articular side of the supraspinatus.',
          'The frayed tissue was debrided with a shaver.',
          'An acromioplasty was performed with a burr, converting a type II acromion to type I.',
        ],
      },
    ],
    requests: [
      'MRI of the {side} shoulder without contrast',
      'physical therapy, 12 visits',
      'a subacromial corticosteroid injection',
      '{side} shoulder arthroscopy with subacromial decompression',
      'a cold therapy unit',
      'post-operative physical therapy, 12 visits',
    ],
    ptExercises: ['pendulums and table slides', 'rotator cuff isometrics', 'scapular stabilization', 'theraband external rotation', 'posterior capsule stretching'],
    guideline: 'California MTUS, ACOEM Practice Guidelines, Chapter 9, Shoulder Complaints',
  },
  knee: {
    id: 'knee',
    sided: true,
    complaint: 'knee',
    part: 'knee',
    mechanisms: ['stepping off a dock plate and twisting the knee', 'kneeling on concrete for a full shift', 'a fall on a wet floor landing on the knee'],
    symptoms: [
      'Pain is along the medial joint line with occasional catching.',
      'The knee gave way once on the stairs last week.',
      'Swelling increases by the end of the day.',
      'Squatting and kneeling are not tolerated.',
      'There is no locking of the knee.',
    ],
    examNormal: [
      '{Side} knee: No effusion. Full range of motion from 0 to 135 degrees.',
      'McMurray test is negative. Ligaments are stable to varus and valgus stress.',
      'The opposite knee is normal.',
    ],
    examAbnormal: [
      '{Side} knee: Small effusion. Tenderness along the medial joint line.',
      'Range of motion from 0 to {flex} degrees with pain at end flexion.',
      'McMurray test is positive medially with a palpable click.',
      'Lachman and anterior drawer tests are negative.',
      'Quadriceps strength is 4+/5 on the {side}.',
    ],
    neuro: ['Neurovascular: Dorsalis pedis and posterior tibial pulses are 2+. Sensation is intact in the foot.'],
    diagnoses: [
      ['{Side} knee medial meniscus tear', 'S83.242A'],
      ['{Side} knee sprain', 'S83.9'],
      ['Chondromalacia of the {side} patella', 'M22.4'],
      ['{Side} knee pain', 'M25.56'],
    ],
    imaging: {
      study: 'MRI {SIDE} KNEE WITHOUT CONTRAST',
      cpt: '73721',
      findings: [
        'Medial meniscus: Horizontal oblique tear of the posterior horn extending to the inferior articular surface, {mm} mm in length.',
        'Lateral meniscus: Intact.',
        'Ligaments: The anterior and posterior cruciate ligaments and the collateral ligaments are intact.',
        'Cartilage: Grade 2 chondromalacia of the medial femoral condyle.',
        'Joint fluid: Small joint effusion. No Baker cyst.',
      ],
      impressions: ['Horizontal oblique tear of the posterior horn of the medial meniscus.', 'Grade 2 chondromalacia of the medial femoral condyle.', 'Small joint effusion.'],
    },
    procedures: [
      {
        name: '{Side} knee arthroscopy with partial medial meniscectomy',
        cpt: '29881',
        steps: [
          'Standard anteromedial and anterolateral portals were established.',
          'A complex tear of the posterior horn of the medial meniscus was found and resected to a stable rim with biters and a shaver.',
          'The joint was irrigated and the portals closed with nylon sutures.',
        ],
      },
      {
        name: 'Intra-articular corticosteroid injection, {side} knee',
        cpt: '20610',
        steps: ['The superolateral approach was used after sterile preparation.', 'Triamcinolone 40 mg with 4 mL of 1% lidocaine was injected into the joint.'],
      },
    ],
    requests: [
      'MRI of the {side} knee without contrast',
      'physical therapy, 12 visits',
      '{side} knee arthroscopy with partial meniscectomy',
      'a hinged knee brace',
      'an intra-articular corticosteroid injection',
      'post-operative physical therapy, 12 visits',
    ],
    ptExercises: ['quadriceps sets and straight leg raises', 'stationary bike', 'step-ups', 'terminal knee extension', 'balance training on foam'],
    guideline: 'California MTUS, ACOEM Practice Guidelines, Chapter 13, Knee Complaints',
  },
};

// ── writing ───────────────────────────────────────────────────────────────────────────────────────

/** What one visit says about the claimant's course; drifts a little from visit to visit. */
export interface Course {
  pain: number;
  improving: boolean;
  therapyVisits: number;
  mm: number;
}

export interface WriteContext {
  rng: Rng;
  claim: Claim;
  provider: Provider;
  date: Date;
  course: Course;
  /** earlier dated events a consultation or review can recount */
  history: HistoryEntry[];
}

export interface HistoryEntry {
  date: Date;
  what: string;
  /** a treatment whose effect a later note can report */
  treatment: boolean;
}

function fill(ctx: WriteContext, text: string): string {
  const { claim, rng } = ctx;
  const side = claim.side || claim.worseSide;
  const other = side === 'left' ? 'right' : 'left';
  return text
    .replaceAll('{side}', side)
    .replaceAll('{Side}', side[0]!.toUpperCase() + side.slice(1))
    .replaceAll('{SIDE}', side.toUpperCase())
    .replaceAll('{side1}', other)
    .replaceAll('{side2}', side)
    .replaceAll('{flex}', String(rng.int(30, 60)))
    .replaceAll('{ext}', String(rng.int(10, 25)))
    .replaceAll('{slr}', String(rng.int(40, 70)))
    .replaceAll('{mm}', String(ctx.course.mm));
}

function d(ctx: WriteContext, date: Date): string {
  return formatDate(date, ctx.provider.dateStyle);
}

function patientLine(ctx: WriteContext): string {
  const { claim } = ctx;
  return `Patient: ${claim.last}, ${claim.first}    Sex: ${claim.sex}    Date of Birth: ${formatDate(claim.dob, 'mdy4')}`;
}

function claimLine(ctx: WriteContext): string {
  return `Claim Number: ${ctx.claim.claimNo}    Date of Injury: ${d(ctx, ctx.claim.doi)}`;
}

function pronoun(ctx: WriteContext): { he: string; his: string; He: string } {
  return ctx.claim.sex === 'M' ? { he: 'he', his: 'his', He: 'He' } : { he: 'she', his: 'her', He: 'She' };
}

function age(ctx: WriteContext): number {
  const years = ctx.date.getUTCFullYear() - ctx.claim.dob.getUTCFullYear();
  const before = ctx.date.getUTCMonth() < ctx.claim.dob.getUTCMonth() || (ctx.date.getUTCMonth() === ctx.claim.dob.getUTCMonth() && ctx.date.getUTCDate() < ctx.claim.dob.getUTCDate());
  return before ? years - 1 : years;
}

function numbered(items: string[]): string[] {
  return items.map((s, i) => `${i + 1}. ${s}`);
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function regionName(ctx: WriteContext): string {
  return ctx.claim.side ? `${ctx.claim.side} ${ctx.claim.region.complaint}` : ctx.claim.region.complaint;
}

function subjective(ctx: WriteContext): string[] {
  const { rng, course } = ctx;
  const p = pronoun(ctx);
  const name = `${ctx.claim.sex === 'M' ? 'Mr.' : 'Ms.'} ${ctx.claim.last}`;
  const opening = rng.pick([
    `${name} returns for follow-up of ${regionName(ctx)} pain related to the industrial injury of ${d(ctx, ctx.claim.doi)}.`,
    `${name} is seen today for re-evaluation of the ${regionName(ctx)}.`,
    `The patient presents for a scheduled follow-up visit for ${p.his} ${regionName(ctx)} complaints.`,
  ]);
  const trend = course.improving
    ? rng.pick([`${p.He} reports gradual improvement since the last visit.`, `${p.He} feels somewhat better overall and is sleeping longer.`, `The pain has eased since the previous appointment.`])
    : rng.pick([`${p.He} reports no meaningful change since the last visit.`, `The pain has been worse over the past two weeks.`, `${p.He} describes a flare of pain after a long day at work.`]);
  const lines = [
    [
      opening,
      trend,
      `Pain is rated ${course.pain}/10 today, ${Math.min(10, course.pain + rng.int(1, 2))}/10 at worst and ${Math.max(1, course.pain - rng.int(1, 3))}/10 at best.`,
      ...rng.sample(ctx.claim.region.symptoms, rng.int(2, 4)).map((s) => fill(ctx, s)),
    ].join(' '),
  ];
  const treatments = ctx.history.filter((h) => h.treatment);
  if (treatments.length > 0 && rng.chance(0.6)) {
    const past = rng.pick(treatments.slice(-6));
    lines.push(`${capital(past.what)} on ${d(ctx, past.date)}${rng.pick([', which helped for about three weeks.', ', with no lasting benefit.', '.', ' and tolerated it well.'])}`);
  }
  lines.push(
    rng.pick([
      `${p.He} has completed ${course.therapyVisits} physical therapy visits and continues the home exercise program.`,
      `${p.He} takes naproxen 550 mg twice daily and cyclobenzaprine 10 mg at bedtime, without side effects.`,
      `${p.He} denies bowel or bladder changes, fever or unexplained weight loss.`,
      `${p.He} is working modified duty with lifting limited to 20 pounds.`,
    ]),
  );
  return lines;
}

function exam(ctx: WriteContext): string[] {
  const { rng, claim } = ctx;
  const region = claim.region;
  const abnormal = ctx.course.pain >= 4 || rng.chance(0.3);
  const lines = [`Vital signs: BP ${rng.int(112, 148)}/${rng.int(68, 92)}, HR ${rng.int(58, 94)}, weight ${rng.int(128, 245)} lb.`];
  lines.push(...(abnormal ? rng.sample(region.examAbnormal, rng.int(3, region.examAbnormal.length)) : region.examNormal).map((s) => fill(ctx, s)));
  lines.push(region.neuro.map((s) => fill(ctx, s)).join(' '));
  return lines;
}

function diagnoses(ctx: WriteContext): string[] {
  return numbered(ctx.rng.sample(ctx.claim.region.diagnoses, ctx.rng.int(2, 4)).map(([text, code]) => `${fill(ctx, text)} (${code}).`));
}

function plan(ctx: WriteContext, requests: string[]): string[] {
  const { rng } = ctx;
  const items = [
    ...requests.map((r) => `Request authorization for ${fill(ctx, r)}.`),
    rng.pick([
      'Continue the home exercise program daily.',
      'Continue naproxen 550 mg twice daily with food.',
      'Ice for 15 minutes after activity.',
      'Topical diclofenac gel to the painful area up to four times daily.',
    ]),
    rng.pick([`Return to clinic in ${rng.int(3, 6)} weeks.`, `Follow up in ${rng.int(4, 8)} weeks or sooner if symptoms worsen.`, 'Re-evaluate after the requested treatment is completed.']),
  ];
  return numbered(items);
}

function workStatus(ctx: WriteContext): string {
  return ctx.rng.pick([
    'Modified duty: no lifting over 20 pounds, no repetitive bending, and a change of position every 30 minutes.',
    'Return to full duty without restrictions.',
    'Temporarily totally disabled until the next visit.',
    'Modified duty: no overhead work and no lifting over 15 pounds with the affected arm.',
  ]);
}

function signature(ctx: WriteContext): string[] {
  return [
    'I declare under penalty of perjury that the information contained in this report and its attachments is true and correct to the best of my knowledge and belief, and that I have not violated Labor Code section 139.3.',
    `Executed at ${ctx.provider.address.split(', ').slice(-2).join(', ')} on ${d(ctx, ctx.date)}.`,
    `${ctx.provider.clinician}, ${ctx.provider.credentials}`,
  ];
}

/** A PR-2 progress report: 2 to 4 pages. */
export function progressReport(ctx: WriteContext): string[] {
  const { rng } = ctx;
  const requests = rng.chance(0.5) ? rng.sample(ctx.claim.region.requests, rng.int(1, 2)) : [];
  const sub = rng.pick(['SUBJECTIVE COMPLAINTS:', 'SUBJECTIVE:', 'HISTORY OF PRESENT ILLNESS:']);
  const obj = rng.pick(['PHYSICAL EXAMINATION:', 'OBJECTIVE FINDINGS:', 'PHYSICAL EXAM:']);
  const ass = rng.pick(['ASSESSMENT:', 'DIAGNOSES:', 'DIAGNOSIS:']);
  const pl = rng.pick(['PLAN:', 'TREATMENT PLAN:']);
  const lines = [
    "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
    '',
    '[X] Periodic Report (required 45 days after last report)    [ ] Change in work status',
    `[${requests.length > 0 ? 'X' : ' '}] Request for authorization    [ ] Need for referral or consultation`,
    '',
    patientLine(ctx),
    `Occupation: ${ctx.claim.occupation}    Employer: ${ctx.claim.employer}`,
    claimLine(ctx),
    `Date of Exam: ${d(ctx, ctx.date)}`,
    '',
    sub,
    ...subjective(ctx),
    '',
    obj,
    ...exam(ctx),
    '',
    ass,
    ...diagnoses(ctx),
    '',
    pl,
    ...plan(ctx, requests),
    '',
    'WORK STATUS:',
    workStatus(ctx),
    '',
  ];
  if (rng.chance(0.5)) {
    lines.push(
      'DISCUSSION:',
      rng.pick([
        `The patient's ${regionName(ctx)} symptoms are consistent with the mechanism of injury and the examination today. Conservative care remains appropriate, and the requested treatment is intended to restore function and reduce reliance on medication.`,
        `Given the persistent pain despite more than six weeks of conservative care, further evaluation is warranted. The findings today are unchanged from the prior examination.`,
        `The patient has shown functional gains with therapy, including longer standing and walking tolerance. The plan is to progress toward full duty as tolerated.`,
      ]),
      '',
    );
  }
  lines.push(...signature(ctx));
  return lines;
}

/** An imaging report: 1 to 2 pages. */
export function imagingReport(ctx: WriteContext, referring: Provider): string[] {
  const { rng, claim } = ctx;
  const img = claim.region.imaging;
  const prior = ctx.history.find((h) => h.what.includes('MRI'));
  return [
    'DIAGNOSTIC IMAGING REPORT',
    '',
    patientLine(ctx),
    `Date of exam: ${d(ctx, ctx.date)}`,
    `Exam: ${fill(ctx, img.study)} (CPT ${img.cpt})`,
    `Referring physician: ${referring.clinician}, ${referring.credentials}`,
    `Date of injury: ${d(ctx, claim.doi)}`,
    '',
    'CLINICAL HISTORY:',
    `${capital(regionName(ctx))} pain after ${claim.mechanism} on ${d(ctx, claim.doi)}. ${rng.pick(['Evaluate for internal derangement.', 'Persistent symptoms despite conservative care.', 'Rule out structural injury.'])}`,
    '',
    'TECHNIQUE:',
    `Multiplanar, multisequence MR imaging of the ${regionName(ctx)} was performed on a ${rng.pick(['1.5', '3.0'])} Tesla magnet without intravenous contrast.`,
    '',
    'COMPARISON:',
    prior ? `MRI dated ${d(ctx, prior.date)}.` : 'None available.',
    '',
    'FINDINGS:',
    ...img.findings.map((f) => fill(ctx, f)),
    '',
    'IMPRESSION:',
    ...numbered(img.impressions.map((f) => fill(ctx, f))),
    '',
    `Electronically signed: ${ctx.provider.clinician}, ${ctx.provider.credentials}`,
    `Date signed: ${d(ctx, addDays(ctx.date, rng.int(0, 1)))}`,
  ];
}

/** A procedure note: 1 to 2 pages. */
export function procedureNote(ctx: WriteContext): string[] {
  const { rng, claim } = ctx;
  const proc = rng.pick(claim.region.procedures);
  const dx = rng.pick(claim.region.diagnoses);
  return [
    'PROCEDURE NOTE',
    '',
    patientLine(ctx),
    claimLine(ctx),
    `Date of Procedure: ${d(ctx, ctx.date)}`,
    `Surgeon: ${ctx.provider.clinician}, ${ctx.provider.credentials}`,
    '',
    'PREOPERATIVE DIAGNOSIS:',
    `${fill(ctx, dx[0])} (${dx[1]}).`,
    '',
    'POSTOPERATIVE DIAGNOSIS:',
    'Same.',
    '',
    'PROCEDURE PERFORMED:',
    `${fill(ctx, proc.name)} (CPT ${proc.cpt}).`,
    '',
    'ANESTHESIA:',
    rng.pick(['Local with monitored anesthesia care.', 'General endotracheal anesthesia.', 'Local anesthesia only.']),
    '',
    'INDICATIONS:',
    `The patient has ${regionName(ctx)} pain since ${d(ctx, claim.doi)} that has not responded to physical therapy, medication and activity modification. The risks, benefits and alternatives were discussed, and informed consent was signed.`,
    '',
    'DESCRIPTION OF PROCEDURE:',
    `The patient was brought to the procedure suite and positioned ${rng.pick(['prone', 'supine', 'in the beach chair position'])}. The area was prepped with chlorhexidine and draped in sterile fashion. ${proc.steps.map((s) => fill(ctx, s)).join(' ')} The patient tolerated the procedure well.`,
    '',
    'COMPLICATIONS:',
    'None.',
    '',
    'ESTIMATED BLOOD LOSS:',
    rng.pick(['Minimal.', 'Less than 5 mL.', '10 mL.']),
    '',
    'DISPOSITION:',
    `Discharged home in stable condition. Pre-procedure pain ${ctx.course.pain}/10, post-procedure pain ${Math.max(0, ctx.course.pain - rng.int(2, 5))}/10. Follow up in two weeks.`,
    '',
    `${ctx.provider.clinician}, ${ctx.provider.credentials}`,
  ];
}

/** A utilization review determination letter: 2 to 3 pages. */
export function reviewLetter(ctx: WriteContext, requester: Provider): string[] {
  const { rng, claim } = ctx;
  const received = addDays(ctx.date, -rng.int(3, 9));
  const items = rng.sample(claim.region.requests, rng.int(1, 3)).map((r) => ({
    r: capital(fill(ctx, r)),
    decision: rng.weighted([
      ['CERTIFIED', 4],
      ['NON-CERTIFIED', 4],
      ['MODIFIED', 2],
    ] as const),
  }));
  const summary = ctx.history.slice(-rng.int(2, 5)).map((h) => `${capital(h.what)} on ${d(ctx, h.date)}.`);
  return [
    d(ctx, ctx.date),
    '',
    `${requester.clinician}, ${requester.credentials}`,
    requester.practice,
    requester.address,
    '',
    'NOTICE OF UTILIZATION REVIEW DETERMINATION',
    '',
    `Employee: ${claim.first} ${claim.last}    Date of Birth: ${formatDate(claim.dob, 'mdy4')}`,
    `Employer: ${claim.employer}`,
    claimLine(ctx),
    `Request for Authorization dated ${d(ctx, addDays(received, -1))}, received ${d(ctx, received)}`,
    `Type of review: ${rng.pick(['Prospective, standard', 'Prospective, expedited', 'Retrospective'])}`,
    '',
    `Dear Dr. ${requester.clinician.split(' ').at(-1)}:`,
    '',
    'Utilization review of your Request for Authorization has been completed. The determinations are as follows:',
    '',
    ...numbered(items.map((i) => `${i.r}: ${i.decision}${i.decision === 'MODIFIED' ? ' to a reduced number of visits' : ''}.`)),
    '',
    'CLINICAL SUMMARY:',
    `The employee is a ${age(ctx)}-year-old ${claim.occupation} who injured the ${regionName(ctx)} after ${claim.mechanism} on ${d(ctx, claim.doi)}. ${summary.join(' ')} The most recent report documents pain of ${ctx.course.pain}/10.`,
    '',
    'DECISION RATIONALE:',
    ...items.map((i) =>
      i.decision === 'CERTIFIED'
        ? `${i.r}: The guidelines support this treatment when symptoms persist despite conservative care and the examination documents objective findings. The records meet these criteria, so the request is certified.`
        : i.decision === 'MODIFIED'
          ? `${i.r}: The guidelines support a shorter initial trial with documentation of functional improvement before more is authorized. The request is modified accordingly.`
          : `${i.r}: The records do not document a significant change in symptoms or new neurologic findings since the prior evaluation, and there is no clear plan showing how the result would change treatment. Medical necessity is not established, so the request is non-certified.`,
    ),
    '',
    'GUIDELINES:',
    `${claim.region.guideline}.`,
    'Official Disability Guidelines, current edition.',
    '',
    'You may request independent medical review of a non-certification within 30 days of the date of this letter by completing the enclosed application. If you have questions about this determination, the reviewing physician is available for a peer-to-peer discussion during regular business hours.',
    '',
    `Reviewing physician: ${ctx.provider.clinician}, ${ctx.provider.credentials}`,
    `cc: ${claim.first} ${claim.last}; ${claim.administrator}`,
  ];
}

/** A physical therapy daily note: always one page. */
export function therapyNote(ctx: WriteContext, visit: number, of: number): string[] {
  const { rng, claim } = ctx;
  const ex = rng.sample(claim.region.ptExercises, 3).join(', ');
  return [
    'PHYSICAL THERAPY DAILY NOTE',
    '',
    `Date of Service: ${d(ctx, ctx.date)}    Visit: ${visit} of ${of}    Therapist: ${ctx.provider.clinician}, ${ctx.provider.credentials}`,
    `Diagnosis: ${fill(ctx, rng.pick(claim.region.diagnoses)[0])}`,
    '',
    'SUBJECTIVE:',
    `Patient reports ${regionName(ctx)} pain ${ctx.course.pain}/10 on arrival. ${rng.pick(['Soreness after the last session lasted one day.', 'Home exercises are being done once a day.', 'Work was harder this week because of overtime.', 'No new complaints.'])}`,
    '',
    'OBJECTIVE:',
    `Treatment: therapeutic exercise 30 minutes (${ex}), manual therapy 15 minutes, ${rng.pick(['cold pack 10 minutes', 'moist heat 10 minutes', 'electrical stimulation 12 minutes'])}.`,
    rng.pick(['Tolerated the session well with cues for form.', 'Required rest breaks between sets.', 'Progressed resistance by one level.']),
    '',
    'ASSESSMENT:',
    rng.pick(['Steady progress toward the goals.', 'Progress is slower than expected; pain limits loading.', 'Improving tolerance for work-related tasks.']),
    '',
    'PLAN:',
    'Continue the plan of care; progress as tolerated.',
    '',
    `${ctx.provider.clinician}, ${ctx.provider.credentials}    Signed ${d(ctx, ctx.date)}`,
  ];
}

/** An orthopedic consultation with a records review: 3 to 6 pages. */
export function consultation(ctx: WriteContext, referring: Provider): string[] {
  const { rng, claim } = ctx;
  const p = pronoun(ctx);
  const reviewed = ctx.history.slice(-rng.int(8, 30));
  return [
    'ORTHOPEDIC CONSULTATION',
    '',
    patientLine(ctx),
    claimLine(ctx),
    `Date of Service: ${d(ctx, ctx.date)}`,
    `Referred by: ${referring.clinician}, ${referring.credentials}`,
    '',
    'REASON FOR CONSULTATION:',
    `Persistent ${regionName(ctx)} pain after ${claim.mechanism} on ${d(ctx, claim.doi)}.`,
    '',
    'HISTORY OF PRESENT ILLNESS:',
    ...subjective(ctx),
    `${p.He} is a ${age(ctx)}-year-old ${claim.occupation} employed by ${claim.employer}.`,
    '',
    'RECORDS REVIEWED:',
    ...reviewed.map((h) => `${d(ctx, h.date)}: ${capital(h.what)}.`),
    '',
    'PAST MEDICAL HISTORY:',
    rng.pick(['Hypertension, controlled with lisinopril.', 'None significant.', 'Type 2 diabetes on metformin; seasonal allergies.']),
    '',
    'PHYSICAL EXAMINATION:',
    ...exam(ctx),
    '',
    'IMPRESSION:',
    ...diagnoses(ctx),
    '',
    'DISCUSSION:',
    `The history, examination and imaging are consistent with each other. ${rng.pick(['Surgery is not recommended at this time.', 'Surgical treatment is reasonable if symptoms persist after one more injection.', 'I recommend continued conservative care with a structured home program.'])}`,
    '',
    'RECOMMENDATIONS:',
    ...plan(ctx, rng.sample(claim.region.requests, rng.int(1, 2))),
    '',
    ...signature(ctx),
  ];
}

/** What a document adds to the history later documents recount. */
export function historyEntry(kind: string, ctx: WriteContext): HistoryEntry {
  const region = regionName(ctx);
  const entry = (what: string, treatment = false): HistoryEntry => ({ date: ctx.date, what, treatment });
  switch (kind) {
    case 'imaging':
      return entry(`MRI of the ${region} was performed`);
    case 'procedure':
      return entry(
        `${ctx.rng
          .pick(ctx.claim.region.procedures)
          .name.replace(/\{side2?\}/g, ctx.claim.side || ctx.claim.worseSide)
          .replace('{Side}', capital(ctx.claim.side || ctx.claim.worseSide))} was performed`,
        true,
      );
    case 'review':
      return entry('utilization review issued a determination');
    case 'therapy':
      return entry('a course of physical therapy was started', true);
    case 'consult':
      return entry('an orthopedic consultation was obtained');
    default:
      return entry(`a follow-up visit for the ${region} took place`);
  }
}
