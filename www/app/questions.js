// The questions of the form, by CaseInput path (API.md); summons paths are relative to one
// summons. kind: select | bool | date | year | birth | summonses | campaign; show(state) decides
// when a question is worth asking.
import { get } from "./paths.js";

const REGIONS_RUSSIA = ["moscow", "dagestan", "kursk", "belgorod", "bryansk", "other-russia"];
const REGIONS_OCCUPIED = ["crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson"];
const REGION_GROUPS = [
  { label: "region-group.russia", values: REGIONS_RUSSIA },
  { label: "region-group.occupied", values: REGIONS_OCCUPIED },
];
const STUDYING = ["technical-college", "university", "postgraduate"];
// He lives in, or comes from, a Russian-occupied region of Ukraine: the passport question matters.
const fromOccupied = (s) => s.residence === "occupied-ukraine" || REGIONS_OCCUPIED.includes(s.region) || REGIONS_OCCUPIED.includes(s.origin?.region);
const SERVING = ["conscript", "contract"];

const isIn = (list) => (v) => list.includes(v);

export const SECTIONS = [
  {
    id: "person",
    fields: [
      { kind: "birth", path: "birthDate", also: ["birthYear"] },
      { kind: "select", path: "residence", options: ["russia", "abroad", "occupied-ukraine"], help: true },
      {
        kind: "select", path: "region", groups: REGION_GROUPS, optionKey: "o.region", help: true,
        show: (s) => ["russia", "occupied-ukraine"].includes(s.residence),
      },
      // Where he comes from, asked whatever he answers about where he lives now (issue 17).
      { kind: "select", path: "origin.region", groups: REGION_GROUPS, optionKey: "o.region", help: true },
      { kind: "bool", path: "citizenship.russianPassport", help: true, show: fromOccupied },
      { kind: "date", path: "citizenship.since", show: (s) => get(s, "citizenship.russianPassport") === true },
    ],
  },
  {
    id: "studies",
    fields: [
      { kind: "select", path: "studies.current", options: ["none", "school", "technical-college", "university", "postgraduate"] },
      { kind: "bool", path: "studies.fullTime", show: (s) => isIn(STUDYING)(get(s, "studies.current")) },
      { kind: "bool", path: "studies.afterTechnicalCollege", help: true, show: (s) => isIn(["university", "postgraduate"])(get(s, "studies.current")) },
      { kind: "bool", path: "studies.changedSubject", help: true, show: (s) => isIn(STUDYING)(get(s, "studies.current")) },
      { kind: "date", path: "studies.expectedEnd", show: (s) => isIn(["school", ...STUDYING])(get(s, "studies.current")) },
    ],
  },
  {
    id: "health",
    fields: [
      { kind: "select", path: "health.fitness", options: ["a", "b", "v", "g", "d"], help: true },
      { kind: "bool", path: "health.documented", show: (s) => isIn(["v", "g", "d"])(get(s, "health.fitness")) },
    ],
  },
  {
    id: "summonses",
    fields: [{ kind: "summonses", path: "summonses" }],
  },
  {
    id: "registration",
    fields: [
      { kind: "bool", path: "registration.residenceNotified", help: true },
      { kind: "bool", path: "registration.departureReported", help: true, show: (s) => s.residence === "abroad" },
    ],
  },
  {
    id: "abroad",
    show: (s) => s.residence === "abroad",
    fields: [
      { kind: "date", path: "abroad.since" },
      { kind: "bool", path: "abroad.planningReturn" },
    ],
  },
  {
    id: "work",
    fields: [
      { kind: "bool", path: "employment.stateEmployee", help: true },
      { kind: "bool", path: "alternativeService.applied", help: true },
    ],
  },
  {
    id: "service",
    fields: [
      { kind: "select", path: "service.status", options: ["none", "conscript", "contract", "completed"] },
      { kind: "date", path: "service.start", show: (s) => isIn([...SERVING, "completed"])(get(s, "service.status")) },
      {
        kind: "select", path: "service.region", groups: REGION_GROUPS, optionKey: "o.region",
        show: (s) => isIn(SERVING)(get(s, "service.status")),
      },
      {
        kind: "select", path: "service.contract.stage", options: ["none", "application", "signed"], help: true,
        show: (s) => isIn(SERVING)(get(s, "service.status")),
      },
      { kind: "bool", path: "service.contract.voluntary", show: (s) => isIn(["application", "signed"])(get(s, "service.contract.stage")) },
      { kind: "bool", path: "service.contract.forged", show: (s) => isIn(["application", "signed"])(get(s, "service.contract.stage")) },
      { kind: "bool", path: "service.contract.paymentReceived", show: (s) => get(s, "service.contract.stage") === "signed" },
    ],
  },
];

export const SUMMONS_FIELDS = [
  { kind: "date", key: "date" },
  { kind: "select", key: "delivery", options: ["in-person", "registered-mail", "electronic", "unknown"] },
  { kind: "bool", key: "signed" },
  { kind: "bool", key: "appeared" },
  { kind: "bool", key: "validReason", show: (m) => m.appeared !== true },
  { kind: "date", key: "appearanceDate", help: true, show: (m) => m.appeared !== true },
  { kind: "campaign", key: "campaign", help: true },
];
