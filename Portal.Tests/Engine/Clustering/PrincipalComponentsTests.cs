using Portal.Engine.Clustering;

namespace Portal.Tests.Engine.Clustering;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void Project2D_PointsOnALine_LieOnTheFirstAxisWithAllTheVariance()
    {
        // Four points along (1, 1, 0) in 3-D, at -3, -1, 1, 3: distances from the centre √2·(3, 1, 1, 3).
        float[] rows = [-3, -3, 0, -1, -1, 0, 1, 1, 0, 3, 3, 0];

        var (x, y, explained) = PrincipalComponents.Project2D(rows, 3);

        Assert.Equal(1, explained, 6);
        Assert.Equal([3 * Math.Sqrt(2), Math.Sqrt(2), Math.Sqrt(2), 3 * Math.Sqrt(2)], x.Select(Math.Abs), new ToleranceComparer(1e-6));
        Assert.Equal(2 * Math.Sqrt(2), Math.Abs(x[1] - x[0]), 6);
        Assert.Equal(6 * Math.Sqrt(2), Math.Abs(x[3] - x[0]), 6);
        Assert.All(y, v => Assert.Equal(0, v, 6));
    }

    [Fact]
    public void Project2D_KeepsDistancesOfPlanarPoints()
    {
        // A 3 × 1 rectangle's corners, lifted into 4-D and turned: the projection keeps every pairwise distance.
        float[] rows = [0, 0, 5, 5, 3, 0, 5, 5, 3, 1, 5, 5, 0, 1, 5, 5];

        var (x, y, explained) = PrincipalComponents.Project2D(rows, 4);

        Assert.Equal(1, explained, 6);
        Assert.Equal(3, Math.Sqrt(Math.Pow(x[0] - x[1], 2) + Math.Pow(y[0] - y[1], 2)), 5);
        Assert.Equal(1, Math.Sqrt(Math.Pow(x[1] - x[2], 2) + Math.Pow(y[1] - y[2], 2)), 5);
        Assert.Equal(Math.Sqrt(10), Math.Sqrt(Math.Pow(x[0] - x[2], 2) + Math.Pow(y[0] - y[2], 2)), 5);
    }

    [Fact]
    public void Project2D_OnePointOrIdenticalPoints_AreAtTheOrigin()
    {
        var (x, _, _) = PrincipalComponents.Project2D([1f, 2f], 2);
        var (xs, ys, explained) = PrincipalComponents.Project2D([1f, 2f, 1f, 2f, 1f, 2f], 2);

        Assert.Equal([0.0], x);
        Assert.All(xs.Concat(ys), v => Assert.Equal(0, v));
        Assert.Equal(0, explained);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
