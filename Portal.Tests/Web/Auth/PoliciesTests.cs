using Portal.Auth;

namespace Portal.Tests.Web.Auth;

public sealed class PoliciesTests
{
    [Fact]
    public void All_EveryPolicy_HasAUniqueNameAndKnownRoles()
    {
        Assert.Equal(Policies.All.Count, Policies.All.Select(p => p.Name).Distinct().Count());
        Assert.All(Policies.All, policy => Assert.All(policy.Roles, role => Assert.Contains(role, StaffRoles.All)));
    }

    [Fact]
    public void All_Admin_MayDoEverything()
    {
        Assert.All(Policies.All, policy => Assert.True(Policies.Allows(policy.Name, StaffRoles.Admin), policy.Name));
    }

    [Theory]
    [InlineData(Policies.ViewPortal, new[] { StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.ProductManager, StaffRoles.Auditor })]
    [InlineData(Policies.ManageStaff, new[] { StaffRoles.Admin })]
    [InlineData(Policies.Moderate, new[] { StaffRoles.Admin, StaffRoles.Moderator })]
    [InlineData(Policies.EditRules, new[] { StaffRoles.Admin, StaffRoles.ProductManager })]
    [InlineData(Policies.ManageTraining, new[] { StaffRoles.Admin, StaffRoles.ProductManager })]
    [InlineData(Policies.ViewAudit, new[] { StaffRoles.Admin, StaffRoles.Auditor })]
    [InlineData(Policies.ManageApiKeys, new[] { StaffRoles.Admin })]
    [InlineData(Policies.ViewModeration, new[] { StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.Auditor })]
    [InlineData(Policies.ReportContent, new[] { StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.ProductManager })]
    [InlineData(Policies.ViewServedFeeds, new[] { StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.Auditor })]
    public void Get_Policy_AdmitsExactlyTheseRoles(string policy, string[] roles)
    {
        Assert.Equal(roles.Order(), Policies.Get(policy).Roles.Order());
    }

    [Fact]
    public void Generate_Password_SatisfiesThePortalsRules()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = StaffPasswordGenerator.Generate();
            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        }
    }
}
