using Forensics.Symbols.Demangling;

namespace Forensics.Symbols.Tests.Demangling;

/// <summary>
/// Names that are not mangled, malformed, or built to exhaust depth or output, give null without throwing. c++filt
/// (binutils 2.40) prints each name of <see cref="Invalid_names_give_null"/> unchanged, as it does for what it cannot demangle.
/// </summary>
public sealed class DemanglerBoundsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("main")]
    [InlineData("_Z")]
    [InlineData("_ZN")]
    [InlineData("_Z3foo.cold")]         // a clone suffix needs a function
    [InlineData("_Z1fDpT_")]            // a pack expansion with no template arguments to expand
    [InlineData("_ZN3foo3barE.cold")]
    [InlineData("_Z1fS0_")]             // a substitution that was never made
    [InlineData("_R")]
    [InlineData("_RNvCs1234_")]
    public void Invalid_names_give_null(string? name) => Assert.Null(Demangler.TryDemangle(name));

    [Fact]
    public void Clone_suffixes_follow_the_function()
    {
        Assert.Equal("foo() [clone .isra.0] [clone .cold]", Demangler.TryDemangle("_Z3foov.isra.0.cold"));
        Assert.Equal("(anonymous namespace)::Hidden::get(long) const volatile [clone .constprop.0]",
            Demangler.TryDemangle("_ZNVK12_GLOBAL__N_16Hidden3getEl.constprop.0"));
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_gives_null()
    {
        var pointers = new string('P', DemanglerLimits.MaxDepth + 10);
        Assert.Null(Demangler.TryDemangle("_Z1f" + pointers + "i"));
        Assert.Equal("f(int**)", Demangler.TryDemangle("_Z1fPPi"));
    }

    [Fact]
    public void Substitutions_that_double_the_output_stop_at_the_output_limit()
    {
        // Each S<n>_ names the pair before it, so the text doubles with every parameter: 2^40 characters unbounded.
        var name = "_Z1fSt4pairIiiE" + string.Concat(Enumerable.Range(0, 40).Select(i => $"St4pairIS{ToBase36(i)}_S{ToBase36(i)}_E"));
        Assert.Null(Demangler.TryDemangle(name));
    }

    [Fact]
    public void Rust_back_references_that_loop_give_null()
    {
        Assert.Null(Demangler.TryDemangle("_RNvB_4main"));
        Assert.Null(Demangler.TryDemangle("_RNvB0_4main"));
    }

    [Fact]
    public void An_input_over_the_length_limit_gives_null() =>
        Assert.Null(Demangler.TryDemangle("_Z" + new string('P', DemanglerLimits.MaxInputLength) + "i"));

    [Fact]
    public void Every_cut_and_every_flipped_character_of_the_table_names_leaves_the_demangler_standing()
    {
        // Deterministic mutations of 300 real names: no exception, and any text stays under the output limit.
        var rows = OracleTable.Rows.Where((_, index) => index % 23 == 0).Take(300);
        foreach (var row in rows)
        {
            var name = row.Mangled;
            for (var cut = 0; cut < name.Length; cut += 3)
                Assert.True((Demangler.TryDemangle(name[..cut])?.Length ?? 0) <= DemanglerLimits.MaxOutputLength);
            for (var i = 2; i < name.Length; i += 5)
            {
                var flipped = name[..i] + (char)(name[i] ^ 0x01) + name[(i + 1)..];
                Assert.True((Demangler.TryDemangle(flipped)?.Length ?? 0) <= DemanglerLimits.MaxOutputLength);
            }
        }
    }

    private static string ToBase36(int value) =>
        value == 0 ? "" : value <= 10 ? ((char)('0' + value - 1)).ToString() : ((char)('A' + value - 11)).ToString();
}
