using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// What the generated .editorconfig holds about seeds. The SDK writes a section per AdditionalFiles item once any of
/// their metadata is compiler-visible, and the compiler matches every file against every section (docs/performance.md:
/// 0.6 s for 10,000 seeds, 6.4 s for 40,000). While the seeds/ folder says everything, the package leaves CorpusSeed
/// out; an item that says something else brings it back.
/// </summary>
public sealed partial class PackageTests
{
    [Fact]
    public async Task Seeds_in_the_seeds_folder_need_no_section_in_the_editorconfig_and_an_item_that_says_more_brings_them_back()
    {
        var consumer = feed.CreateConsumer("seed-items", CountProgram, items: """
              <ItemGroup>
                <AdditionalFiles Include="data/outside.txt" CorpusSeed="true" Condition="'$(Outside)' == 'true'" />
                <AdditionalFiles Update="seeds/nested/second.txt" CorpusSeed="false" Condition="'$(LeaveOut)' == 'true'" />
              </ItemGroup>
            """)
            .WithProjectSeed()
            .WithFile(Path.Combine("seeds", "nested", "second.txt"), "[Second](https://example.org/items/second)\n------\n\n<div><p>In a folder of seeds/.</p></div>\n")
            .WithFile(Path.Combine("data", "outside.txt"), "[Outside](https://example.org/items/outside)\n------\n\n<div><p>Listed as an item.</p></div>\n");

        // The convention alone: both seeds, and no section at all.
        Assert.Equal(("000_153ef59660deb970,second", 0), await BuildAndRun());

        // A seed outside seeds/: CorpusSeed is visible again, with a section per item, and all three are seeds.
        Assert.Equal(("000_153ef59660deb970,outside,second", 3), await BuildAndRun("-p:Outside=true"));

        // CorpusSeed="false" on a file of seeds/: visible again, and that file is no seed.
        Assert.Equal(("000_153ef59660deb970", 2), await BuildAndRun("-p:LeaveOut=true"));

        async Task<(string Ids, int Sections)> BuildAndRun(params string[] properties)
        {
            var build = await consumer.BuildAsync(properties).LoggedTo(output);
            Assert.True(build.Succeeded, build.ToString());
            var config = Directory.GetFiles(Path.Combine(consumer.Directory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single();
            var sections = File.ReadLines(config).Count(l => l.StartsWith('['));
            return (Consumer.Values(await consumer.RunAsync().LoggedTo(output))["Ids"], sections);
        }
    }
}
