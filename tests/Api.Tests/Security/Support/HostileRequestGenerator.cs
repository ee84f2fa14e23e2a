using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Security.Support;

/// <summary>
/// Generates malformed and hostile requests for every route of the route table, from each route's valid request
/// (<see cref="RouteContracts"/>; a route without one gets an empty object as its template), deterministically for a seed.
/// </summary>
public sealed class HostileRequestGenerator(SecurityWorld world, int seed, long maxBodyBytes)
{
    private const string Breakers = "{}[]\",:\\\0\u00ff";
    private readonly Random _random = new(seed);

    public IEnumerable<HostileRequest> Generate(IReadOnlyList<ApiRoute> routes) => routes.SelectMany(ForRoute);

    private IEnumerable<HostileRequest> ForRoute(ApiRoute route)
    {
        RouteContracts.All.TryGetValue(route.Key, out var contract);
        var validPath = contract?.Path(world) ?? route.Fill(_ => world.Owner);
        var hasBody = route.Method is "POST" or "PUT" or "PATCH";
        var template = contract?.Body?.Invoke(world) is { } body
            ? JsonSerializer.SerializeToNode(body, CollaborationApiFactory.Json)!.AsObject()
            : [];

        foreach (var request in HostilePaths(route, validPath, hasBody ? Encoding.UTF8.GetBytes(Serialize(template)) : null))
        {
            yield return request;
        }

        if (route.Method == "GET")
        {
            foreach (var request in HostileQueries(validPath))
            {
                yield return request;
            }
        }

        if (hasBody)
        {
            foreach (var request in HostileBodies(route.Method, validPath, template))
            {
                yield return request;
            }
        }
    }

    private IEnumerable<HostileRequest> HostilePaths(ApiRoute route, string validPath, byte[]? body)
    {
        var validSegments = validPath.Split('/');
        var patternSegments = route.Pattern.Split('/');
        for (var i = 0; i < patternSegments.Length && i < validSegments.Length; i++)
        {
            if (!patternSegments[i].Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var value in Sample(HostileValues.Identifiers, 8))
            {
                var segments = (string[])validSegments.Clone();
                segments[i] = patternSegments[i].Replace(patternSegments[i][patternSegments[i].IndexOf('{')..(patternSegments[i].IndexOf('}') + 1)], Uri.EscapeDataString(value), StringComparison.Ordinal);
                yield return new HostileRequest("hostile id", route.Method, string.Join('/', segments), body);
            }

            // Unescaped, as a careless client sends it (the client library normalises dot segments away).
            foreach (var raw in new[] { "..", "../..", "..%2f..%2fetc%2fpasswd", "%252e%252e", "a%00b", "%ff%fe" })
            {
                var segments = (string[])validSegments.Clone();
                segments[i] = raw;
                yield return new HostileRequest("path traversal", route.Method, string.Join('/', segments), body);
            }
        }
    }

    private IEnumerable<HostileRequest> HostileQueries(string validPath)
    {
        foreach (var name in HostileValues.QueryNames)
        {
            // A few values per parameter, drawn by the seed: every value meets every parameter over the routes.
            foreach (var value in Sample(HostileValues.QueryValues, 2))
            {
                yield return new HostileRequest("hostile query", "GET", $"{validPath}?{name}={Uri.EscapeDataString(value)}");
            }
        }

        yield return new HostileRequest("hostile query", "GET", $"{validPath}?country=SI&country=IT&limit=1&limit=2");
        yield return new HostileRequest("hostile query", "GET", $"{validPath}?%00=1&=&&&");
    }

    private IEnumerable<HostileRequest> HostileBodies(string method, string path, JsonObject template)
    {
        HostileRequest Raw(string category, string json, string? contentType = "application/json") =>
            new(category, method, path, Encoding.UTF8.GetBytes(json), contentType);

        foreach (var json in HostileValues.BrokenJson)
        {
            yield return Raw("broken JSON", json);
        }

        foreach (var json in HostileValues.TopLevel)
        {
            yield return Raw("wrong top-level type", json);
        }

        yield return new HostileRequest("empty body", method, path, []);
        yield return new HostileRequest("invalid UTF-8", method, path, [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC3, 0x22, 0x7D]);
        yield return new HostileRequest("UTF-8 BOM", method, path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Serialize(template))]);
        yield return Raw("duplicate fields", DuplicateFields(template));
        yield return Raw("unknown fields", Serialize(With(template, o =>
        {
            o["__proto__"] = new JsonObject { ["admin"] = true };
            o["$type"] = "System.IO.FileInfo, System.IO.FileSystem";
            o["unexpected"] = "x";
            o["id"] ??= "injected-id";
        })));

        foreach (var field in template.Select(p => p.Key).ToList())
        {
            foreach (var wrong in Sample(HostileValues.WrongTypes, 4))
            {
                yield return Raw($"wrong type for {field}", WithRaw(template, field, wrong));
            }

            foreach (var hostile in Sample(HostileValues.Strings, 4))
            {
                yield return Raw($"injection in {field}", Serialize(With(template, o => o[field] = hostile)));
            }

            yield return Raw($"huge string in {field}", Serialize(With(template, o => o[field] = new string('x', 100_000))));
            yield return Raw($"deep nesting in {field}", WithRaw(template, field, Deep(64)));
            yield return Raw($"very deep nesting in {field}", WithRaw(template, field, Deep(20_000)));
            yield return Raw($"deep objects in {field}", WithRaw(template, field, DeepObjects(5_000)));
        }

        // Just under and well over the size limit, with and without a Content-Length.
        var field0 = template.Select(p => p.Key).FirstOrDefault() ?? "filler";
        yield return Raw("large body under the limit", Serialize(With(template, o => o[field0] = new string('y', (int)(maxBodyBytes * 9 / 10)))));
        var oversized = Encoding.UTF8.GetBytes(Serialize(With(template, o => o[field0] = new string('z', (int)maxBodyBytes + 10))));
        yield return new HostileRequest("oversized body", method, path, oversized);
        yield return new HostileRequest("oversized body", method, path, oversized) { Chunked = true };

        foreach (var contentType in HostileValues.NonJsonContentTypes)
        {
            yield return new HostileRequest("not JSON", method, path, Encoding.UTF8.GetBytes("id=x&name=y"), contentType);
        }

        yield return new HostileRequest("no content type", method, path, Encoding.UTF8.GetBytes(Serialize(template)), null);
        yield return Raw("wrong charset", Serialize(template), "application/json; charset=utf-16");
        yield return Raw("unknown charset", Serialize(template), "application/json; charset=klingon");
        yield return Raw("quoted charset", Serialize(template), "application/json; charset=\"UTF-8\"");

        var valid = Encoding.UTF8.GetBytes(Serialize(template));
        foreach (var header in new Dictionary<string, string>
        {
            ["Idempotency-Key"] = new string('k', 300),
            ["If-Match"] = "\"unterminated",
        })
        {
            yield return new HostileRequest($"hostile {header.Key}", method, path, valid) { Headers = new Dictionary<string, string> { [header.Key] = header.Value } };
        }

        yield return new HostileRequest("hostile If-Match", method, path, valid) { Headers = new Dictionary<string, string> { ["If-Match"] = "W/\"1\", \"' OR 1=1\", *" } };
        yield return new HostileRequest("hostile Idempotency-Key", method, path, valid) { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = "ключ-😀" } };

        // Random damage to the valid body: flipped, dropped and inserted bytes (deterministic for the seed).
        for (var i = 0; i < 10; i++)
        {
            yield return new HostileRequest("fuzzed body", method, path, Damage(valid));
        }
    }

    /// <summary>
    /// <paramref name="count"/> values drawn by the seed: each route and field gets a different few, so that over the
    /// whole table every value is sent many times while the run stays short.
    /// </summary>
    private IEnumerable<string> Sample(string[] values, int count) => values.OrderBy(_ => _random.Next()).Take(count).ToList();

    private byte[] Damage(byte[] valid)
    {
        var bytes = valid.ToList();
        for (var edits = _random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(3))
            {
                case 0:
                    bytes[at] = (byte)_random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.Insert(at, (byte)Breakers[_random.Next(Breakers.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Serialize(JsonObject node) => node.ToJsonString();

    private static JsonObject With(JsonObject template, Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(template.ToJsonString())!.AsObject();
        change(copy);
        return copy;
    }

    private static string WithRaw(JsonObject template, string field, string rawValue)
    {
        const string Placeholder = "__hostile_placeholder__";
        return Serialize(With(template, o => o[field] = Placeholder)).Replace($"\"{Placeholder}\"", rawValue, StringComparison.Ordinal);
    }

    private static string DuplicateFields(JsonObject template)
    {
        var json = Serialize(template);
        var first = template.Select(p => p.Key).FirstOrDefault();
        return first is null ? "{\"a\":1,\"a\":2}" : json.Insert(1, $"\"{first}\":\"duplicate\",");
    }

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

    private static string DeepObjects(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}
