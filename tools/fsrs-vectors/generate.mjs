// Test-only: writes FSRS-6 reference vectors computed by ts-fsrs (the reference implementation on npm) to
// tests/CertPrep.Domain.Tests/Scheduling/Vectors/ts-fsrs-vectors.json. Run: npm ci && npm run generate.
// Every scenario is a card's review history: parameters, then (time, grade) pairs; after each review the reference's
// state, stability, difficulty, elapsed and scheduled days are recorded. Fuzz is off (the reference's fuzz uses its
// own generator; CertPrep seeds its own), so intervals must match exactly.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { fsrs, generatorParameters, createEmptyCard, default_w } from "ts-fsrs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "tests", "CertPrep.Domain.Tests", "Scheduling", "Vectors", "ts-fsrs-vectors.json");

// Deterministic generator (mulberry32) so the file is reproducible.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bounds = [[0.001, 100], [0.001, 100], [0.001, 100], [0.001, 100], [1, 10], [0.001, 4], [0.001, 4], [0.001, 0.75],
  [0, 4.5], [0, 0.8], [0.001, 3.5], [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4], [0, 1], [1, 6], [0, 2], [0, 2],
  [0.01, 0.8], [0.1, 0.8]];
const round4 = (x) => Math.round(x * 1e4) / 1e4;

function randomParameters(random) {
  // Near the defaults (as a fitted learner's would be), inside the optimizer's bounds.
  return default_w.map((w, i) => {
    const [lo, hi] = bounds[i];
    const spread = (hi - lo) * 0.15;
    return round4(Math.min(hi, Math.max(lo, w + (random() * 2 - 1) * spread)));
  });
}

const minute = 60_000, day = 86_400_000;
const scenarios = [];

function run(name, settings, start, plan) {
  const params = generatorParameters({ enable_fuzz: false, ...settings });
  const scheduler = fsrs(params);
  let card = createEmptyCard(new Date(start));
  let now = new Date(start);
  const reviews = [];
  for (const step of plan) {
    now = new Date(step.at(card, now));
    const { card: next } = scheduler.next(card, now, step.grade);
    reviews.push({
      at: now.toISOString(), grade: step.grade, state: next.state, stability: next.stability,
      difficulty: next.difficulty, elapsedDays: next.elapsed_days, scheduledDays: next.scheduled_days,
      step: next.learning_steps, due: next.due.toISOString(), reps: next.reps, lapses: next.lapses,
    });
    card = next;
  }
  scenarios.push({
    name,
    parameters: settings.w ?? null,
    desiredRetention: params.request_retention,
    maximumInterval: params.maximum_interval,
    learningSteps: params.learning_steps,
    relearningSteps: params.relearning_steps,
    shortTerm: params.enable_short_term,
    start: new Date(start).toISOString(),
    reviews,
  });
}

const atDue = () => (card) => card.due.getTime();
const after = (ms) => (_card, now) => now.getTime() + ms;

// The golden sequences of fsrs.md.
run("golden: Good x6, Again x2, Good x5 at due", {}, Date.UTC(2022, 11, 29, 12, 30),
  [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3].map((grade) => ({ grade, at: atDue() })));
for (const shortTerm of [true, false]) {
  let t = Date.UTC(2022, 11, 29, 12, 30);
  run(`golden: Again then Good at day gaps 0,0,1,3,8,21 (short-term ${shortTerm})`, { enable_short_term: shortTerm }, t,
    [[1, 0], [3, 0], [3, 1], [3, 3], [3, 8], [3, 21]].map(([grade, gap]) => ({ grade, at: after(gap * day) })));
}
for (const grade of [1, 2, 3, 4]) {
  run(`golden: a new card rated ${grade}`, {}, Date.UTC(2022, 11, 29, 12, 30), [{ grade, at: atDue() }]);
}

// Generated histories.
const random = rng(20261130);
const retentions = [0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];
const stepSets = [
  [["1m", "10m"], ["10m"]],
  [[], []],
  [["10m"], ["10m"]],
  [["1m", "10m", "1h"], ["10m", "1h"]],
  [["5m", "1d"], ["1d"]],
];
function pickGrade(random, weights) {
  const x = random();
  let acc = 0;
  for (let g = 0; g < 4; g++) { acc += weights[g]; if (x < acc) return g + 1; }
  return 4;
}
function timing(random, kind) {
  switch (kind) {
    case "due": return (card) => card.due.getTime() + Math.floor(random() * 6 * 60) * minute;
    case "early": return (card, now) => now.getTime() + Math.floor((card.due.getTime() - now.getTime()) * random());
    case "late": return (card, now) => card.due.getTime() + Math.floor(random() * Math.max(day, 3 * (card.due.getTime() - now.getTime())));
    case "same-day": return (_card, now) => now.getTime() + Math.floor(random() * 90) * minute;
    case "long-gap": return (_card, now) => now.getTime() + Math.floor((200 + random() * 1500) * day);
    default: throw new Error(kind);
  }
}
const kinds = ["due", "due", "due", "early", "late", "same-day", "long-gap"];
for (let n = 0; n < 240; n++) {
  const settings = {};
  const variant = n % 8;
  if (variant === 1 || variant === 5) settings.w = randomParameters(random);
  if (variant === 3) settings.w = randomParameters(random).slice(0, 19);   // FSRS-5 vector, migrated
  if (variant === 7) settings.w = randomParameters(random).slice(0, 17);   // FSRS-4.5 vector, migrated
  settings.request_retention = retentions[n % retentions.length];
  const [learning, relearning] = stepSets[Math.floor(n / 8) % stepSets.length];
  settings.learning_steps = learning;
  settings.relearning_steps = relearning;
  if (n % 11 === 4) settings.enable_short_term = false;
  if (n % 13 === 6) settings.maximum_interval = 60 + Math.floor(random() * 300);
  const weights = n % 5 === 0 ? [0.35, 0.2, 0.35, 0.1] : [0.12, 0.13, 0.65, 0.1];
  const length = 6 + Math.floor(random() * 14);
  const plan = [];
  for (let i = 0; i < length; i++) {
    plan.push({ grade: pickGrade(random, weights), at: timing(random, i === 0 ? "due" : kinds[Math.floor(random() * kinds.length)]) });
  }
  const start = Date.UTC(2024, 0, 1) + Math.floor(random() * 365 * 24 * 60) * minute;
  run(`generated ${n}`, settings, start, plan);
}

writeFileSync(out, JSON.stringify({ generator: "ts-fsrs 5.4.2 via tools/fsrs-vectors/generate.mjs", scenarios }, null, 1) + "\n");
console.log(`wrote ${scenarios.length} scenarios, ${scenarios.reduce((n, s) => n + s.reviews.length, 0)} reviews to ${out}`);
