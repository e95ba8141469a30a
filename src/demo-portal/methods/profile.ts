import { type MethodGroup } from "./method";

/**
 * `profile`: basic facts of the calling user, with no scope needed, which is why clients call it to
 * check that a token is accepted. The demo portal has no user directory: every caller is a plain
 * user named after its id. The real server gives ID as a string.
 */
export const profileMethods: MethodGroup = {
  profile: ({ caller }) => ({
    result: {
      ID: String(caller.userId),
      ADMIN: false,
      NAME: "Demo",
      LAST_NAME: `User ${caller.userId}`,
      PERSONAL_GENDER: "",
      TIME_ZONE: "",
    },
  }),
};
