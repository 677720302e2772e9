using CertPrep.Content.Files;
using CertPrep.Content.Tests.TestData;

namespace CertPrep.Content.Tests.Files;

public sealed class ContentInventoryTests
{
    [Fact]
    public void List_ReturnsEveryFile_FoldersInOrdinalOrder()
    {
        var files = new InMemoryFileProvider(new Dictionary<string, string>
        {
            ["README.md"] = "# Content",
            ["cscp/credential.yml"] = "id: cscp",
            ["cpim/modules/02-sop.md"] = "# S&OP",
            ["cpim/credential.yml"] = "id: cpim",
            ["cpim/modules/01-strategy.md"] = "# Strategy",
        });

        var listed = new ContentInventory(files).List();

        listed.Select(f => f.Path).ShouldBe(
        [
            "README.md",
            "cpim/credential.yml",
            "cpim/modules/01-strategy.md",
            "cpim/modules/02-sop.md",
            "cscp/credential.yml",
        ]);
        listed.Single(f => f.Path == "cpim/credential.yml").Length.ShouldBe("id: cpim".Length);
    }

    [Fact]
    public void List_IsEmpty_WhenFolderIsEmpty() =>
        new ContentInventory(new InMemoryFileProvider(new Dictionary<string, string>())).List().ShouldBeEmpty();

    [Theory]
    [InlineData("README.md", "")]
    [InlineData("cpim/credential.yml", "cpim")]
    [InlineData("cpim/modules/01.md", "cpim/modules")]
    public void Folder_IsThePathWithoutTheFileName(string path, string folder) =>
        new ContentFile(path, 0, DateTimeOffset.UnixEpoch).Folder.ShouldBe(folder);
}
