// Colours of relation types (entity type colours live in src/types.ts, shared with the exporters).

export const UNKNOWN_RELATION_COLOR = '#9aa0a6';

/**
 * One colour per relation type, by family: cooperation in blues and greens, presence and structure in
 * browns, purples and greys, conflict in reds and oranges. Types outside the ontology are grey.
 */
export const RELATION_COLORS: Readonly<Record<string, string>> = {
  trains: '#4e79a7',
  supports: '#59a14f',
  negotiates_with: '#76b7b2',
  meets: '#8fb8d8',
  cooperates_with: '#2f8f86',
  agrees_with: '#8cc084',
  invites: '#6f9bd1',
  deployed_in: '#9c755f',
  withdraws_from: '#b9a78f',
  deploys: '#b07aa1',
  leads: '#8e6bbf',
  member_of: '#79706e',
  located_in: '#a8a29e',
  demands: '#f28e2b',
  criticizes: '#e8a15b',
  rejects: '#e15759',
  threatens: '#d9734e',
  sanctions: '#b6992d',
  violates: '#d37295',
  fights: '#c0392b',
  attacks: '#9d2a2a',
  expels: '#c9a227',
};

export function relationColor(relation: string): string {
  return Object.hasOwn(RELATION_COLORS, relation) ? RELATION_COLORS[relation]! : UNKNOWN_RELATION_COLOR;
}
