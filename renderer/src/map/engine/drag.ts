import type { Position } from '../../../../shared/document/schema.js';
import type { AreaChanges, AreaMembers } from './categoryAreas.js';
import { areaChanges } from './categoryAreas.js';
import type { PointerPoint } from './cyAdapter.js';
import type { DragEvent } from './types.js';

/** What a drag needs of the map. */
export type DragHost = {
  isContact(id: string): boolean;
  /** The contacts selected on the map (a grabbed selected contact drags them all). */
  selectedContacts(): string[];
  isSelected(id: string): boolean;
  position(id: string): Position | null;
  setPosition(id: string, p: Position): void;
  categories(id: string): readonly string[] | null;
  /** Category areas without these contacts, and the radius of a member's circle (model units); null when not drawn. */
  areas(except: ReadonlySet<string>): { areas: readonly AreaMembers[]; radius: number } | null;
  emit(event: 'nodeDragStart' | 'nodeDrag' | 'nodeDragEnd', e: DragEvent): void;
  /** The drag ended on the map: positions to store, as a move or, with category changes, as an area drop. */
  moved(positions: Record<string, Position>, changes: AreaChanges | null): void;
};

type Drag = { ids: string[]; from: Map<string, Position>; started: boolean };

/**
 * Dragging contacts on the map: the drag of a selected contact moves the
 * whole selection; listeners hear where the pointer is (a drop on the
 * category palette), and may cancel the move; the positions that stay are
 * stored as one step, with the categories a drop into an area changes.
 */
export class DragController {
  private drag: Drag | null = null;
  private dropTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: DragHost) {}

  /** Whether a contact is being dragged now. */
  dragging(id: string): boolean {
    return this.drag !== null && this.drag.ids.includes(id);
  }

  grab(id: string): void {
    if (!this.host.isContact(id)) return;
    const ids = this.host.isSelected(id) ? this.host.selectedContacts() : [id];
    const from = new Map<string, Position>();
    for (const i of ids) {
      const p = this.host.position(i);
      if (p) from.set(i, p);
    }
    this.drag = { ids: [...from.keys()], from, started: false };
  }

  move(at: PointerPoint): void {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.started) {
      drag.started = true;
      this.host.emit('nodeDragStart', this.event(at, drag));
    }
    this.host.emit('nodeDrag', this.event(at, drag));
  }

  /** A drag of several selected nodes ends with one event per node: they are stored as one move. */
  free(id: string, at: PointerPoint): void {
    const drag = this.drag;
    if (!drag || !drag.started || !drag.ids.includes(id)) return;
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => {
      this.dropTimer = null;
      this.drag = null;
      this.end(drag, at);
    }, 0);
  }

  destroy(): void {
    if (this.dropTimer) clearTimeout(this.dropTimer);
  }

  private end(drag: Drag, at: PointerPoint): void {
    let keep = true;
    const event = this.event(at, drag);
    const cancel = event.preventMove;
    event.preventMove = () => {
      keep = false;
      cancel();
    };
    this.host.emit('nodeDragEnd', event);
    const positions: Record<string, Position> = {};
    for (const id of drag.ids) {
      const p = this.host.position(id);
      if (!p) continue;
      if (!keep) {
        this.host.setPosition(id, drag.from.get(id)!);
        continue;
      }
      positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10, pinned: true };
    }
    if (Object.keys(positions).length > 0) this.host.moved(positions, this.areaDropChanges(drag, positions));
  }

  /** With categories drawn as areas, the categories a drop puts the dragged contacts in or takes them out of. */
  private areaDropChanges(drag: Drag, to: Record<string, Position>): AreaChanges | null {
    const drawn = this.host.areas(new Set(drag.ids));
    if (!drawn) return null;
    const moves = drag.ids
      .filter((id) => to[id] && drag.from.has(id) && this.host.categories(id))
      .map((id) => ({ id, from: drag.from.get(id)!, to: to[id]!, categories: this.host.categories(id)! }));
    const changes = areaChanges(drawn.areas, drawn.radius, moves);
    return changes.add.size + changes.remove.size > 0 ? changes : null;
  }

  private event(at: PointerPoint, drag: Drag): DragEvent {
    return {
      ids: drag.ids,
      clientX: at.clientX,
      clientY: at.clientY,
      preventMove: () => {
        drag.started = false;
      },
    };
  }
}
