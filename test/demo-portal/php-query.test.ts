import { encodePhpMap } from "../../src/demo-portal/php-array";
import { encodePhpQuery, parsePhpQuery } from "../../src/demo-portal/php-query";

describe("parsePhpQuery", () => {
  it("nests bracketed keys and turns 0..n-1 runs into arrays", () => {
    expect(
      parsePhpQuery("bookingId=14&clients[0][id]=1&clients[0][type][module]=crm&clients[1][id]=2"),
    ).toEqual({
      bookingId: "14",
      clients: [{ id: "1", type: { module: "crm" } }, { id: "2" }],
    });
  });

  it("appends for [] and lets a later plain duplicate win, like parse_str", () => {
    expect(parsePhpQuery("ids[]=1&ids[]=2&ids[]=3")).toEqual({ ids: ["1", "2", "3"] });
    expect(parsePhpQuery("a=1&a=2")).toEqual({ a: "2" });
    expect(parsePhpQuery("f[name]=x&f[name]=y")).toEqual({ f: { name: "y" } });
  });

  it("keeps explicit keys with gaps as an object instead of compacting them", () => {
    expect(parsePhpQuery("cmd[0]=x&cmd[2]=y")).toEqual({ cmd: { "0": "x", "2": "y" } });
  });

  it("decodes percent escapes and + as space", () => {
    expect(parsePhpQuery("name=Anna+Schmidt&tz=Europe%2FBerlin&c%5B0%5D=1")).toEqual({
      name: "Anna Schmidt",
      tz: "Europe/Berlin",
      c: ["1"],
    });
  });

  it("ignores prototype keys", () => {
    const parsed = parsePhpQuery("__proto__[polluted]=1&ok=1");
    expect(parsed).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("encodePhpMap", () => {
  it("encodes like json_encode: [] when empty, a list for 0..n-1 keys, an object otherwise", () => {
    expect(encodePhpMap(new Map())).toEqual([]);
    expect(
      encodePhpMap(
        new Map([
          ["0", "a"],
          ["1", "b"],
        ]),
      ),
    ).toEqual(["a", "b"]);
    expect(
      encodePhpMap(
        new Map([
          ["0", "a"],
          ["2", "b"],
        ]),
      ),
    ).toEqual({ "0": "a", "2": "b" });
    expect(encodePhpMap(new Map([["first", 1]]))).toEqual({ first: 1 });
  });
});

describe("encodePhpQuery", () => {
  it("writes bracketed keys and list indices, escaped like PHP's urlencode, and parses back", () => {
    const encoded = encodePhpQuery({
      event: "ONBOOKINGADD",
      data: { ID: 66 },
      auth: { note: "a b~(c)*!'é/:" },
      list: [1, 2],
    });
    expect(encoded).toBe(
      "event=ONBOOKINGADD&data%5BID%5D=66&auth%5Bnote%5D=a+b%7E%28c%29%2A%21%27%C3%A9%2F%3A" +
        "&list%5B0%5D=1&list%5B1%5D=2",
    );
    expect(parsePhpQuery(encoded)).toEqual({
      event: "ONBOOKINGADD",
      data: { ID: "66" },
      auth: { note: "a b~(c)*!'é/:" },
      list: ["1", "2"],
    });
  });
});
