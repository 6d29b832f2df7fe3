import { z } from 'zod';
import { Id } from '../common/primitives';

const Email = z.string().trim().toLowerCase().email().max(320);
const Password = z.string().min(10, 'at least 10 characters').max(256);

export const SignupInput = z
  .object({
    email: Email,
    password: Password,
    name: z.string().trim().min(1).max(200),
    workspaceName: z.string().trim().min(1).max(200),
  })
  .strict();
export type SignupInput = z.infer<typeof SignupInput>;

export const LoginInput = z
  .object({ email: Email, password: z.string().min(1).max(256), workspaceId: Id.optional() })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const User = z.object({ id: Id, email: z.string(), name: z.string() });
export type User = z.infer<typeof User>;

export const Workspace = z.object({ id: Id, name: z.string() });
export type Workspace = z.infer<typeof Workspace>;

export const Session = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: User,
  workspace: Workspace,
});
export type Session = z.infer<typeof Session>;

/** Default roles; custom roles are data (see docs/capabilities.md). */
export const DEFAULT_ROLES = ['owner', 'admin', 'manager', 'member', 'factory', 'viewer'] as const;
export type DefaultRole = (typeof DEFAULT_ROLES)[number];
