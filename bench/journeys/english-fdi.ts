import type { Journey } from "./journey.js";

/** The English-speaking manager of a foreign-invested company registers for the award, writing the English way. */
export const englishFdi: Journey = {
  name: "award registration, foreign-invested company (en)",
  who: { channel: "web", id: "fdi-manager-session-0001" },
  maxTurns: 34,
  steps: [
    { say: "english please", expect: "English" },
    { say: "I want to register for the quality award", expect: "Consent" },
    { say: "yes I agree", expect: "full name" },
    { say: "Our company name is Hanwha Food Vina Co., Ltd.", expect: "tax code" },
    { say: "Tax code: 0314409058", expect: "Type of organisation" },
    { say: "enterprise", expect: "Date of establishment" },
    { say: "We were established in March 2015", expect: "Mar 2015" },
    { say: "Lot A5, Nhon Trach 3 Industrial Park, Hiep Phuoc commune, Nhon Trach district, Dong Nai province", expect: "production or services" },
    { say: "manufacturing", expect: "Main economic sector" },
    { say: "10", expect: "number of employees" },
    { say: "about 320 employees", expect: "Total revenue" },
    { say: "USD 120 million", stays: true, expect: "does not convert" },
    { say: "2,900 billion VND", expect: "Total capital" },
    { say: "skip", expect: "main product" },
    { say: "Our main product is frozen seafood", expect: "on the market" },
    { say: "since 2016", expect: "Which certificates" },
    { say: "ISO 22000 and ISO 9001", stays: true, expect: "Added" },
    { say: "done", expect: "Full name of the contact person" },
    { say: "My name is Kim Min-jun", expect: "Position of the contact person" },
    { say: "General Director", expect: "Contact phone" },
    { say: "+82 10 1234 5678", expect: "Contact email" },
    { say: "minjun.kim@hanwhafood.vn", expect: "Documents (optional" },
    { say: "later", expect: "Please check your registration" },
    { say: "submit", expect: "GT-" },
  ],
};
