namespace Collaboration.Api.Tests.Security.Support;

/// <summary>The hostile strings and JSON fragments the generator draws from.</summary>
public static class HostileValues
{
    public static readonly string[] Identifiers =
    [
        "../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc", "\0", "a\u0000b",
        "' OR '1'='1", "1; DROP TABLE grain_state; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}",
        new string('a', 5000), "ünïcödé-ĺętťęřš", "😀", "-", "-a-", "A-UPPER", "con", "a/b", "a%2Fb", " ", "\u0007\u001b[31m",
        "ag-" + new string('g', 32), "ag-" + new string('0', 32), "ag-" + new string('f', 33), "null", "undefined", "NaN", "%", "?", "#",
    ];

    public static readonly string[] Strings =
    [
        "' OR '1'='1' --", "\"; DROP TABLE grain_state; --", "1) UNION SELECT sqlite_version() --", "admin'/*",
        "<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg/onload=alert(1)>",
        "${jndi:ldap://127.0.0.1/a}", "{{constructor.constructor('alert(1)')()}}", "NEAR(a b) OR * ^ \" AND -x:y", "%s%s%s%n",
        "a\u0000b\u0001c\u0007\u001b[31m\r\n\t", "\u202Eevil\u202C", "\uFEFF", new string('\u0301', 500), "../../../../etc/passwd",
    ];

    public static readonly string[] BrokenJson =
    [
        "{", "}", "{\"a\":", "{'single':'quotes'}", "{\"a\":1,}", "nul", "{\"a\" 1}", "\"unterminated", "[", "}{", "{\"a\":NaN}",
        "{\"a\":Infinity}", "/* comment */ {}", "{}xyz", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}", "{\"a\":01}", "{\"a\":.5}",
        "{\"a\":tru}", "{\"a\":\"\n\"}", "{{}}", "[[[[", "{\"a\":[1,2}", ",", "\u0000",
    ];

    public static readonly string[] TopLevel = ["[]", "\"a string\"", "42", "-1.5e308", "true", "null", "[{}]"];

    public static readonly string[] WrongTypes =
    [
        "12345", "-1", "1e308", "-9223372036854775809", "0.0000001", "true", "false", "[]", "{}", "null", "[1,2]",
        "{\"nested\":{}}", "\"\"", "\"2026-13-45\"", "[null]", "[\"" + new string('x', 300) + "\"]",
    ];

    public static readonly string[] NonJsonContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html",
        "application/jsonp", "application/octet-stream", "image/png",
    ];

    public static readonly string[] QueryValues =
    [
        "<script>alert(1)</script>", "' OR 1=1 --", "../x", "%00", "-1", "abc", "99999999999999999999", "0", "NEAR(*)",
        "!!!", new string('q', 10_000), "SI,IT", "😀",
    ];

    public static readonly string[] QueryNames = ["country", "party", "status", "partner", "after", "limit", "cursor", "q", "theme", "kind", "author", "projectId", "unknown"];
}
