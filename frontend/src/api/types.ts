// Domain types derived from the generated paths, not from component names, so they
// survive renames of schemas in the backend's OpenAPI document.
import type { paths } from './schema'

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : never
  : never
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never
/** Go slices are emitted as `array | null`; the element type either way. */
type Item<A> = NonNullable<A> extends readonly (infer E)[] ? E : never

export type Me = Ok<'/api/v1/me', 'get'>
export type RoleGrant = Item<Me['roles']>
export type Branch = Item<Ok<'/api/v1/branches', 'get'>['items']>
export type UserPage = Ok<'/api/v1/users', 'get'>
export type User = Item<UserPage['items']>
export type RoleGrantInput = Item<BodyOf<'/api/v1/users/{id}/roles', 'put'>['roles']>
export type CreateUserBody = BodyOf<'/api/v1/users', 'post'>
export type AuditPage = Ok<'/api/v1/audit', 'get'>
export type AuditEntry = Item<AuditPage['items']>
export type Tenant = Item<Ok<'/api/v1/platform/tenants', 'get'>['items']>
export type CreateTenantBody = BodyOf<'/api/v1/platform/tenants', 'post'>

export const ROLES = ['employee', 'manager', 'hr', 'tenant_admin', 'auditor'] as const
export type Role = (typeof ROLES)[number]
/** Roles granted at the head office whatever branch is asked for. */
export const TENANT_WIDE_ROLES: readonly Role[] = ['hr', 'tenant_admin', 'auditor']

/** The import report (a 422 carries the same fields beside the problem's). */
export type ImportResult = Ok<'/api/v1/users/import', 'post'>
export type ImportRow = Item<ImportResult['rows']>

export type AuditChain = Ok<'/api/v1/audit/chain', 'get'>
export type AuditChainVerification = Ok<'/api/v1/audit/chain/verify', 'get'>
