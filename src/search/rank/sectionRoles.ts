import roleData from '../data/sectionRoles.json' with { type: 'json' };

/** A role a breakdown's section plays (data/sectionRoles.json): what it is, what goes wrong, when to use it... */
export type SectionRole = keyof typeof roleData.roles;

const ROLES = Object.entries(roleData.roles).map(([role, { titles, questions }]) => ({
  role: role as SectionRole,
  titles: titles.map((p) => new RegExp(p, 'i')),
  questions: questions.map((p) => new RegExp(p, 'i')),
}));

/** The roles a section's title says it plays ("Common pitfalls" -> problems). */
export function rolesOfTitle(title: string): SectionRole[] {
  const text = title.trim();
  return ROLES.filter((r) => r.titles.some((p) => p.test(text))).map((r) => r.role);
}

/** The roles a question asks for ("why doesn't my X work" -> problems). */
export function rolesAskedFor(question: string): SectionRole[] {
  const text = question.trim().toLowerCase();
  return ROLES.filter((r) => r.questions.some((p) => p.test(text))).map((r) => r.role);
}
