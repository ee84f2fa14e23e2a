using System.Net;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Corrections;

/// <summary>Reads the whole activity log through the API, for the tests that check a change left its record.</summary>
public static class ActivityLog
{
    public static async Task<List<JsonElement>> OfAsync(HttpClient coordinator, string subject)
    {
        var records = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await (await coordinator.GetAsync($"/network/activity?after={after}&limit=1000")).AssertJsonAsync(HttpStatusCode.OK);
            if (page.GetArrayLength() == 0)
            {
                return records;
            }

            foreach (var record in page.EnumerateArray())
            {
                after = record.GetProperty("seq").GetInt64();
                if (record.GetProperty("subject").GetString() == subject)
                {
                    records.Add(record.Clone());
                }
            }
        }
    }

    public static async Task<List<string>> TypesOfAsync(HttpClient coordinator, string subject) =>
        (await OfAsync(coordinator, subject)).Select(r => r.GetProperty("type").GetString()!).ToList();
}
