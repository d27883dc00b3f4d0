import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_ACTIONS,
  type AccountAction,
  type AccountFacts,
  type AccountPerson,
  type AccountState,
  allowedAccountActions,
  decideAccountAction,
  manageScopeOf,
  mayInvite,
  mayManage,
} from "../src/index";

const person = (
  id: string,
  role: AccountPerson["role"],
  extra: Partial<AccountPerson> = {},
): AccountPerson => ({
  id,
  role,
  institutionId: null,
  prefectureCode: null,
  leadOfficer: false,
  ...extra,
});

const people = {
  instA1: person("instA1", "institution", { institutionId: "A" }),
  instA2: person("instA2", "institution", { institutionId: "A" }),
  instB: person("instB", "institution", { institutionId: "B" }),
  leadTokyo: person("leadTokyo", "prefecture", { prefectureCode: 13, leadOfficer: true }),
  leadTokyo2: person("leadTokyo2", "prefecture", { prefectureCode: 13, leadOfficer: true }),
  officerTokyo: person("officerTokyo", "prefecture", { prefectureCode: 13 }),
  officerTokyo2: person("officerTokyo2", "prefecture", { prefectureCode: 13 }),
  leadOsaka: person("leadOsaka", "prefecture", { prefectureCode: 27, leadOfficer: true }),
  officerOsaka: person("officerOsaka", "prefecture", { prefectureCode: 27 }),
  ministry: person("ministry", "ministry"),
  ministry2: person("ministry2", "ministry"),
  vendor: person("vendor", "vendor"),
  vendor2: person("vendor2", "vendor"),
  association: person("association", "delegate"),
};
type Name = keyof typeof people;
const NAMES = Object.keys(people) as Name[];

/** Whom each actor manages; everyone else is outside its scope. */
const MANAGES: Record<Name, Name[]> = {
  instA1: ["instA1", "instA2"],
  instA2: ["instA1", "instA2"],
  instB: ["instB"],
  leadTokyo: ["officerTokyo", "officerTokyo2"],
  leadTokyo2: ["officerTokyo", "officerTokyo2"],
  officerTokyo: [],
  officerTokyo2: [],
  leadOsaka: ["officerOsaka"],
  officerOsaka: [],
  ministry: NAMES.filter((name) => !name.startsWith("ministry")),
  ministry2: NAMES.filter((name) => !name.startsWith("ministry")),
  vendor: [],
  vendor2: [],
  association: [],
};

describe("mayManage: every actor × every target", () => {
  const cases = NAMES.flatMap((actor) =>
    NAMES.map((target) => ({ actor, target, expected: MANAGES[actor].includes(target) })),
  );
  it.each(cases)("$actor manages $target: $expected", ({ actor, target, expected }) => {
    expect(mayManage(people[actor], people[target])).toBe(expected);
  });

  it("an invitation asks the same question, of a person without an id", () => {
    const { id: _officer, ...newOfficer } = people.officerTokyo;
    const { id: _colleague, ...newColleague } = people.instA2;
    expect(mayInvite(people.leadTokyo, newOfficer)).toBe(true);
    expect(mayInvite(people.leadOsaka, newOfficer)).toBe(false);
    expect(mayInvite(people.leadTokyo, { ...newOfficer, leadOfficer: true })).toBe(false);
    expect(mayInvite(people.instA1, newColleague)).toBe(true);
  });
});

describe("manageScopeOf", () => {
  it.each([
    ["instA1", { kind: "institution", institutionId: "A" }],
    ["leadTokyo", { kind: "prefecture", prefectureCode: 13 }],
    ["officerTokyo", { kind: "none" }],
    ["ministry", { kind: "ministry" }],
    ["vendor", { kind: "none" }],
    ["association", { kind: "none" }],
  ] as const)("%s → %o", (name, scope) => {
    expect(manageScopeOf(people[name])).toEqual(scope);
  });
});

const active = (activeColleagues = 2): AccountFacts => ({
  targetState: "active",
  activeColleagues,
});

describe("decideAccountAction: actions within the scope", () => {
  it.each<[Name, AccountAction, Name, AccountFacts, string]>([
    ["instA1", "remove", "instA2", active(), "ok"],
    ["instA1", "remove", "instA1", active(), "ok"],
    ["instA1", "remove", "instA1", active(1), "last_active_user"],
    ["instA1", "remove", "instA2", { targetState: "disabled", activeColleagues: 1 }, "ok"],
    ["instA1", "remove", "instA2", { targetState: "removed", activeColleagues: 1 }, "ok"],
    ["instA1", "disable", "instA2", active(), "not_permitted"],
    ["instA1", "remove", "instB", active(), "out_of_scope"],
    ["leadTokyo", "disable", "officerTokyo", active(), "ok"],
    ["leadTokyo", "enable", "officerTokyo", { targetState: "disabled", activeColleagues: 0 }, "ok"],
    ["leadTokyo", "setLead", "officerTokyo", active(), "not_permitted"],
    ["leadTokyo", "remove", "officerTokyo", active(), "not_permitted"],
    ["leadTokyo", "disable", "officerOsaka", active(), "out_of_scope"],
    ["leadTokyo", "disable", "leadTokyo2", active(), "out_of_scope"],
    ["leadTokyo", "disable", "ministry", active(), "out_of_scope"],
    ["leadTokyo", "disable", "leadTokyo", active(), "out_of_scope"],
    ["officerTokyo", "disable", "officerTokyo2", active(), "out_of_scope"],
    ["ministry", "setLead", "officerTokyo", active(), "ok"],
    ["ministry", "unsetLead", "leadTokyo", active(), "ok"],
    ["ministry", "setLead", "vendor", active(), "not_permitted"],
    ["ministry", "setLead", "instA1", active(), "not_permitted"],
    ["ministry", "disable", "instA1", active(1), "ok"],
    ["ministry", "remove", "instA1", active(), "not_permitted"],
    ["ministry", "disable", "vendor", active(), "ok"],
    ["ministry", "disable", "ministry2", active(), "out_of_scope"],
    [
      "ministry",
      "enable",
      "officerOsaka",
      { targetState: "removed", activeColleagues: 0 },
      "removed",
    ],
    ["vendor", "disable", "vendor2", active(), "out_of_scope"],
    ["ministry", "disable", "association", active(), "ok"],
    ["ministry", "setLead", "association", active(), "not_permitted"],
    ["association", "disable", "instA1", active(), "out_of_scope"],
  ])("%s %s %s (%o) → %s", (actor, action, target, facts, expected) => {
    const decision = decideAccountAction(people[actor], action, people[target], facts);
    expect(decision.ok ? "ok" : decision.error).toBe(expected);
  });

  it("offers only the actions that would change something", () => {
    const o = people.officerTokyo;
    expect(allowedAccountActions(people.ministry, o, active())).toEqual(["disable", "setLead"]);
    expect(
      allowedAccountActions(people.ministry, people.leadTokyo, {
        targetState: "disabled",
        activeColleagues: 0,
      }),
    ).toEqual(["enable", "unsetLead"]);
    expect(allowedAccountActions(people.leadTokyo, o, active())).toEqual(["disable"]);
    expect(allowedAccountActions(people.instA1, people.instA2, active())).toEqual(["remove"]);
    expect(allowedAccountActions(people.instA1, people.instA1, active(1))).toEqual([]);
    expect(allowedAccountActions(people.vendor, people.vendor2, active())).toEqual([]);
  });
});

// ---- properties over generated people ----

const arbPerson: fc.Arbitrary<AccountPerson> = fc
  .record({
    id: fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6"),
    role: fc.constantFrom("institution", "prefecture", "ministry", "vendor", "delegate"),
    institution: fc.constantFrom("A", "B"),
    prefectureCode: fc.constantFrom(13, 27),
    leadOfficer: fc.boolean(),
  })
  .map(({ id, role, institution, prefectureCode, leadOfficer }) => ({
    id,
    role,
    institutionId: role === "institution" ? institution : null,
    prefectureCode: role === "prefecture" ? prefectureCode : null,
    leadOfficer: role === "prefecture" && leadOfficer,
  }));
const arbState = fc.constantFrom<AccountState>("active", "disabled", "removed");
const arbFacts = fc.record({ targetState: arbState, activeColleagues: fc.nat({ max: 3 }) });
const arbAction = fc.constantFrom(...ACCOUNT_ACTIONS);

/** An independent statement of the scopes, to check the implementation against. */
function inScopeOracle(actor: AccountPerson, target: AccountPerson): boolean {
  if (actor.role === "institution") return target.institutionId === actor.institutionId;
  if (actor.role === "prefecture" && actor.leadOfficer) {
    return (
      target.role === "prefecture" &&
      target.prefectureCode === actor.prefectureCode &&
      !target.leadOfficer &&
      target.id !== actor.id
    );
  }
  if (actor.role === "ministry") return target.role !== "ministry";
  return false;
}

/** The person after the action (the policy's model of what the service writes). */
function after(target: AccountPerson, action: AccountAction, state: AccountState) {
  const person = { ...target };
  let next = state;
  if (action === "disable") next = "disabled";
  if (action === "enable") next = "active";
  if (action === "remove") next = "removed";
  if (action === "setLead") person.leadOfficer = true;
  if (action === "unsetLead") person.leadOfficer = false;
  return { person, state: next };
}

describe("account actions: properties", () => {
  it("nobody acts on someone outside their scope", () => {
    fc.assert(
      fc.property(arbPerson, arbAction, arbPerson, arbFacts, (actor, action, target, facts) => {
        const decision = decideAccountAction(actor, action, target, facts);
        if (decision.ok) expect(inScopeOracle(actor, target)).toBe(true);
        expect(mayManage(actor, target)).toBe(inScopeOracle(actor, target));
      }),
    );
  });

  it("nobody gives power they do not hold: whom the target manages afterwards, the actor manages", () => {
    fc.assert(
      fc.property(
        arbPerson,
        arbAction,
        arbPerson,
        arbFacts,
        fc.array(arbPerson, { maxLength: 8 }),
        (actor, action, target, facts, population) => {
          if (!decideAccountAction(actor, action, target, facts).ok) return;
          const next = after(target, action, facts.targetState);
          if (next.state !== "active") return;
          for (const other of population) {
            if (mayManage(next.person, other)) expect(mayManage(actor, other)).toBe(true);
          }
        },
      ),
    );
  });

  it("nobody manages themselves into more power: on oneself only leaving an institution", () => {
    fc.assert(
      fc.property(arbPerson, arbAction, arbFacts, (actor, action, facts) => {
        const decision = decideAccountAction(actor, action, actor, facts);
        if (decision.ok) {
          expect(actor.role).toBe("institution");
          expect(action).toBe("remove");
        }
      }),
    );
  });

  it("an institution never loses its last active user by its own hand", () => {
    fc.assert(
      fc.property(arbPerson, arbPerson, arbFacts, (actor, target, facts) => {
        const decision = decideAccountAction(actor, "remove", target, facts);
        if (decision.ok && facts.targetState === "active") {
          expect(facts.activeColleagues).toBeGreaterThan(1);
        }
      }),
    );
  });
});
