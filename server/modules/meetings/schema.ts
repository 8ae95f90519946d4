// Schema helpers shared by the meetings, activities and duty routes.
import { type Static, type TSchema, Type } from 'typebox';

/** A string out of a fixed list: an `enum` schema, so a wrong value is reported under the field's Chinese title. */
export const Enum = <T extends string>(values: readonly T[], title: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], title });

/** One schema with type [x, 'null'] (not anyOf): AJV's type coercion then leaves both null and 0 as they are. */
export const Nullable = <T extends TSchema>(t: T) =>
  Type.Unsafe<Static<T> | null>({ ...t, type: [(t as any).type, 'null'] });

/** The columns that name a member in rows about members: id, name and number (编号, null where none is given). */
export const MemberRef = { memberId: Type.Integer(), name: Type.String(), code: Nullable(Type.String()) };
/** MemberRef and the member's sector (界别). */
export const MemberRefWithSector = { ...MemberRef, sector: Nullable(Type.String()) };

/** The meeting or the activity a sheet of people belongs to (the attendance sheet, the participant list). */
export const EventRef = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  kind: Type.String(),
  status: Type.String(),
});
