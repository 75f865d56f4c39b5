import type zh from './zh-CN'

// Typed against zh-CN so a missing key fails the typecheck.
const en: typeof zh = {
  customerClass: 'Customer risk class',
  assessedOn: 'Assessed on {date}',
  classes: {
    C1: 'Conservative',
    C2: 'Cautious',
    C3: 'Balanced',
    C4: 'Growth',
    C5: 'Aggressive',
  },
  warningMismatch: 'Customer {customer}, product {product}',
  warningAssessment: "The customer's risk assessment is missing or expired",
  refusedNote: "A bank wealth product above the customer's class may not be sold at all, even if the customer insists.",
  insistNote:
    "A fund above the customer's class: only if the customer insists may it proceed, through a special written risk warning, the customer's signed confirmation and a recorded sale (双录) — never as a recommendation.",
  insist: 'Customer insists (special process)',
  insistPath: 'Customer-insists process',
  steps: {
    risk_warning: 'Special written risk warning',
    signed_confirmation: "Customer's signed confirmation",
    recording: 'Audio-video recording (双录)',
  },
  stepDone: 'done',
  stepTodo: 'not yet',
  nearMisses: 'Near misses (went back at the warning)',
  nearMissLine: '{turn}: recommended {product} (customer {customer}, product {risk}), then went back',
  fits: "Fits the customer's class",
  aboveClass: "Above the customer's class",
}
export default en
