// Prints, for every UTF-16 unit, the search analyzer's fold and whether the folded unit is a word character, and the
// terms of a few mixed texts: run once with ICU and once with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, then diff.
using System;
using System.Linq;
using System.Text;
var sb = new StringBuilder();
sb.Append("invariant-mode=" + (System.Globalization.CultureInfo.InvariantCulture.CompareInfo.Name) + "\n");
for (var c = 0; c <= 0xFFFF; c++)
{
    var f = SearchAnalyzer.Fold((char)c);
    sb.Append(c.ToString("X4")).Append(' ').Append(((int)f).ToString("X4")).Append(' ').Append(f != '\0' && char.IsLetterOrDigit(f) ? 'w' : '-').Append(' ').Append(char.IsWhiteSpace((char)c) ? 's' : '-').Append('\n');
}
Console.Write(sb.ToString());
