import type { CarnetDocument, Position } from '../../../shared/document/schema.js';
import { ContactPanel } from './ContactPanel.js';
import type { GuardRef, PanelTarget } from './panelGuard.js';
import { ProfilePanel } from './ProfilePanel.js';

type Props = {
  doc: CarnetDocument;
  version: number;
  target: PanelTarget;
  newPosition(): Position;
  onOpen(target: PanelTarget | null): void;
  guardRef: GuardRef;
};

/** The side panel: a contact's card, a new contact, or the user's profile. Each target gets a fresh draft. */
export function SidePanel({ target, ...props }: Props) {
  if (target.kind === 'me') return <ProfilePanel key="me" doc={props.doc} onOpen={props.onOpen} guardRef={props.guardRef} />;
  return <ContactPanel key={target.kind === 'edit' ? `edit:${target.id}` : 'new'} target={target} {...props} />;
}
