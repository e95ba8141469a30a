import { type MethodGroup } from "./method";

/**
 * `profile`: basic facts of the calling user, with no scope needed, which is why clients call it to
 * check that a token is accepted. The demo portal has no user directory: every caller is a user
 * named after its id, an administrator only with the installed application's own token. The real
 * server gives ID as a string.
 */
export const profileMethods: MethodGroup = {
  profile: ({ caller }) => ({
    result: {
      ID: String(caller.userId),
      ADMIN: caller.admin,
      NAME: "Demo",
      LAST_NAME: `User ${caller.userId}`,
      PERSONAL_GENDER: "",
      TIME_ZONE: "",
    },
  }),
};
