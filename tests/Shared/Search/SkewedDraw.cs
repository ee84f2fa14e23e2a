namespace Collaboration.Tests.Search;

/// <summary>
/// Draws with a Zipf-like skew (item i weighted 1 / (i + 1)^exponent): the first few often, most seldom, as words
/// and themes occur in real texts. Shared by the tests' and the benchmarks' corpora.
/// </summary>
public static class SkewedDraw
{
    /// <summary>The running sums of the weights of <paramref name="count"/> items.</summary>
    public static double[] Cumulative(int count, double exponent)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            weights[i] = sum;
        }

        return weights;
    }

    /// <summary>The item that <paramref name="r"/> (uniform in [0, 1)) falls on.</summary>
    public static int Pick(double[] cumulative, double r)
    {
        var index = Array.BinarySearch(cumulative, r * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
