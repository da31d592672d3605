// A term of a block (its documents, counts and positions decoded) and the positions that a clause's units share.
sealed partial class SearchSegment
{
    /// <summary>
    /// A unit's positions in the shared documents of a clause, ascending per field: document j's title positions are
    /// <c>Values[Starts[2j] .. Starts[2j+1])</c>, its text's <c>Values[Starts[2j+1] .. Starts[2j+2])</c>.
    /// </summary>
    private sealed class SharedPositions
    {
        public SharedPositions(int[] starts, int[] values)
        {
            Starts = starts;
            Values = values;
        }

        public int[] Starts { get; }

        public int[] Values { get; }

        /// <summary>Several terms' positions as one (the words of a prefix), each field's sorted.</summary>
        public static SharedPositions Merge(global::System.Collections.Generic.List<SharedPositions> parts)
        {
            var total = 0;
            foreach (var part in parts)
            {
                total += part.Starts[part.Starts.Length - 1];
            }

            var starts = new int[parts[0].Starts.Length];
            var values = new int[total];
            var n = 0;
            for (var field = 0; field + 1 < starts.Length; field++)
            {
                starts[field] = n;
                foreach (var part in parts)
                {
                    var length = part.Starts[field + 1] - part.Starts[field];
                    global::System.Array.Copy(part.Values, part.Starts[field], values, n, length);
                    n += length;
                }

                global::System.Array.Sort(values, starts[field], n - starts[field]);
            }

            starts[starts.Length - 1] = n;
            return new SharedPositions(starts, values);
        }
    }

    /// <summary>One term of a block.</summary>
    private readonly struct Entry
    {
        private readonly Block _block;
        private readonly int _index;

        public Entry(Block block, int index)
        {
            _block = block;
            _index = index;
        }

        /// <summary>How many documents of the segment hold the term (for a CJK character, more than its list).</summary>
        public int DocumentFrequency => _block.Frequencies[_index];

        public Postings Documents() => Documents(out _);

        /// <summary>The term's documents and counts, and a reader at its positions (for a term that has them).</summary>
        public Postings Documents(out SearchIndexFormat.BitReader positions)
        {
            positions = Start(out var count);
            var documents = new int[count];
            var titles = new int[count];
            var texts = new int[count];
            ReadDocuments(ref positions, count, documents, titles, texts);
            return new Postings(documents, titles, texts, count);
        }

        /// <summary>Adds this term's counts to those of each document (by number), marking the documents <paramref name="seen"/> the first time: no list of its own.</summary>
        public void AddTo(int[] titles, int[] texts, bool[] seen, ref int found)
        {
            var reader = Start(out var count);
            var k = reader.Bits(4);
            var document = -1;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                int inTitle = 0, inText = 1;
                if (reader.Bit())
                {
                    inTitle = reader.Gamma() - 1;
                    inText = reader.Gamma() - 1;
                }

                if ((uint)document < (uint)seen.Length)
                {
                    found += seen[document] ? 0 : 1;
                    seen[document] = true;
                    titles[document] += inTitle;
                    texts[document] += inText;
                }
            }
        }

        /// <summary>
        /// Adds this term's counts in the <paramref name="wanted"/> documents (ascending) to theirs (by place in it),
        /// marking them <paramref name="seen"/>; stops past the last. Whether it has one of them.
        /// </summary>
        public bool AddTo(global::System.Collections.Generic.List<int> wanted, int[] titles, int[] texts, bool[] seen)
        {
            var reader = Start(out var count);
            var k = reader.Bits(4);
            var document = -1;
            var next = 0;
            var last = wanted[wanted.Count - 1];
            var found = false;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                if (document > last)
                {
                    break;
                }

                int inTitle = 0, inText = 1;
                if (reader.Bit())
                {
                    inTitle = reader.Gamma() - 1;
                    inText = reader.Gamma() - 1;
                }

                while (wanted[next] < document)
                {
                    next++;
                }

                if (wanted[next] == document)
                {
                    found = true;
                    seen[next] = true;
                    titles[next] += inTitle;
                    texts[next] += inText;
                }
            }

            return found;
        }

        /// <summary>A reader at the term's document list, and how many documents it holds (for a CJK character not kept full, where it ends a run).</summary>
        private SearchIndexFormat.BitReader Start(out int count)
        {
            var reader = new SearchIndexFormat.BitReader(_block.Data, _block.DataStarts[_index]);
            count = _block.IsCharacter(_index) && !reader.Bit() ? reader.Gamma() - 1 : _block.Frequencies[_index];
            return reader;
        }

        /// <summary>This term's positions in the <paramref name="wanted"/> documents (ascending; none for those without it).</summary>
        public SharedPositions CollectPositions(global::System.Collections.Generic.List<int> wanted, int[] titleSpans, int[] textSpans) =>
            CollectPositions(Documents(out var reader), reader, wanted, titleSpans, textSpans);

        /// <summary>The positions in the <paramref name="wanted"/> documents of a term whose documents were read, from its <paramref name="reader"/> at its positions.</summary>
        public static SharedPositions CollectPositions(Postings postings, SearchIndexFormat.BitReader reader, global::System.Collections.Generic.List<int> wanted, int[] titleSpans, int[] textSpans)
        {
            var count = postings.Count;
            var documents = postings.Documents;
            var titles = postings.TitleCounts;
            var texts = postings.TextCounts;
            var starts = new int[(2 * wanted.Count) + 1];
            if (!Shares(documents, count, wanted))
            {
                // None of the wanted documents (a word of a prefix that the others' documents lack): no position to read.
                return new SharedPositions(starts, new int[0]);
            }

            var values = new int[64];
            var n = 0;
            var next = 0;
            for (var i = 0; i < count && next < wanted.Count; i++)
            {
                var document = documents[i];
                while (next < wanted.Count && wanted[next] < document)
                {
                    starts[2 * next] = starts[(2 * next) + 1] = n;
                    next++;
                }

                var titleSpan = (uint)document < (uint)titleSpans.Length ? titleSpans[document] : 0;
                var textSpan = (uint)document < (uint)textSpans.Length ? textSpans[document] : 0;
                if (next >= wanted.Count || wanted[next] != document)
                {
                    Skip(ref reader, titleSpan, titles[i]);
                    Skip(ref reader, textSpan, texts[i]);
                    continue;
                }

                if (n + titles[i] + texts[i] > values.Length)
                {
                    global::System.Array.Resize(ref values, global::System.Math.Max(values.Length * 2, n + titles[i] + texts[i]));
                }

                starts[2 * next] = n;
                Read(ref reader, titleSpan, titles[i], values, ref n);
                starts[(2 * next) + 1] = n;
                Read(ref reader, textSpan, texts[i], values, ref n);
                next++;
            }

            for (; next < wanted.Count; next++)
            {
                starts[2 * next] = starts[(2 * next) + 1] = n;
            }

            starts[2 * wanted.Count] = n;
            return new SharedPositions(starts, values);
        }

        /// <summary>Whether the first <paramref name="count"/> documents (ascending) hold one of the <paramref name="wanted"/> (ascending).</summary>
        private static bool Shares(int[] documents, int count, global::System.Collections.Generic.List<int> wanted)
        {
            var next = 0;
            for (var i = 0; i < count && next < wanted.Count; i++)
            {
                while (next < wanted.Count && wanted[next] < documents[i])
                {
                    next++;
                }

                if (next < wanted.Count && wanted[next] == documents[i])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The documents (gaps Rice-coded) and their counts in the title and the text (SearchIndexWriter's TermData).</summary>
        private static void ReadDocuments(ref SearchIndexFormat.BitReader reader, int count, int[] documents, int[] titles, int[] texts)
        {
            var k = reader.Bits(4);
            var document = -1;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                documents[i] = document;
                if (reader.Bit())
                {
                    titles[i] = reader.Gamma() - 1;
                    texts[i] = reader.Gamma() - 1;
                }
                else
                {
                    texts[i] = 1;
                }
            }
        }

        /// <summary>
        /// One document's positions in one field (below its <paramref name="span"/>) into <paramref name="into"/> at
        /// <paramref name="n"/>: one alone in truncated binary, more as the first and then each gap less one, Rice-coded.
        /// </summary>
        private static void Read(ref SearchIndexFormat.BitReader reader, int span, int count, int[] into, ref int n)
        {
            if (count == 1)
            {
                into[n++] = reader.Below(span);
                return;
            }

            var k = SearchIndexFormat.PositionRice(span, count);
            var position = -1;
            for (var i = 0; i < count; i++)
            {
                position += reader.Rice(k) + 1;
                into[n++] = position;
            }
        }

        /// <summary>Reads past one document's positions in one field.</summary>
        private static void Skip(ref SearchIndexFormat.BitReader reader, int span, int count)
        {
            if (count == 1)
            {
                reader.Below(span);
                return;
            }

            reader.SkipRice(SearchIndexFormat.PositionRice(span, count), count);
        }
    }
}
