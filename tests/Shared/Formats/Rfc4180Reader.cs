using System.Text;

namespace Collaboration.Tests.Formats;

/// <summary>A strict RFC 4180 reader: CRLF record ends, every record ending with one, quoted
/// fields with doubled quotes, nothing after a closing quote but a comma or the record end.</summary>
internal static class Rfc4180Reader
{
    public static List<List<string>> Read(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < csv.Length, "Unterminated quoted field.");
                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(csv[i++]);
                }

                Assert.True(i < csv.Length && (csv[i] == ',' || csv[i] == '\r'), "Text after a closing quote.");
            }
            else
            {
                while (i < csv.Length && csv[i] is not (',' or '\r'))
                {
                    Assert.True(csv[i] is not ('"' or '\n'), $"Unquoted field holds a quote or a bare LF at {i}.");
                    field.Append(csv[i++]);
                }
            }

            Assert.True(i < csv.Length, "The last record must end with CRLF.");
            record.Add(field.ToString());
            field.Clear();
            if (csv[i] == ',')
            {
                i++;
                continue;
            }

            Assert.True(i + 1 < csv.Length && csv[i + 1] == '\n', $"Bare CR at {i}.");
            i += 2;
            records.Add(record);
            record = [];
        }

        Assert.Empty(record);
        return records;
    }
}
