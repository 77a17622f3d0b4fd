import type { Me } from '@bedrock/shared';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in member, loaded fresh from the API on every request; null when signed out. */
      user: Me | null;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}
