partial class ArticleStore
{
    /// <summary>
    /// One store over the articles of <paramref name="stores"/> (a corpus split over shard projects, and the app's own
    /// seeds): <see cref="All"/> in the order a single project of all their seeds would have, and the lookups over all.
    /// Nothing is read until first use.
    /// </summary>
    /// <param name="stores">Stores whose Ids are unique across all of them (the generator checks it at compile time).</param>
    public static ArticleStore Merge(params ArticleStore[] stores)
    {
        if (stores is null)
        {
            throw new global::System.ArgumentNullException(nameof(stores));
        }

        return new ArticleStore((ArticleStore[])stores.Clone());
    }

    /// <summary>Newest first by <see cref="Article.PublishedAt"/>, undated articles last, then by Id: the generator's order of <c>All</c>.</summary>
    internal static int CompareNewestFirst(Article left, Article right)
    {
        var leftDate = left.PublishedAt;
        var rightDate = right.PublishedAt;
        if (leftDate.HasValue != rightDate.HasValue)
        {
            return leftDate.HasValue ? -1 : 1;
        }

        if (leftDate.HasValue)
        {
            var byDate = rightDate!.Value.UtcTicks.CompareTo(leftDate.Value.UtcTicks);
            if (byDate != 0)
            {
                return byDate;
            }
        }

        return string.CompareOrdinal(left.Id, right.Id);
    }

    /// <summary>
    /// A k-way merge of lists that are each already in order: each step takes the first of the heads. Linear in the
    /// number of stores per article, which is a handful to a few hundred shards.
    /// </summary>
    private static Article[] MergeNewestFirst(ArticleStore[] parts)
    {
        var lists = new Article[parts.Length][];
        var total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            lists[i] = parts[i].Loaded;
            total += lists[i].Length;
        }

        var merged = new Article[total];
        var heads = new int[parts.Length];
        for (var position = 0; position < total; position++)
        {
            var best = -1;
            for (var i = 0; i < lists.Length; i++)
            {
                if (heads[i] < lists[i].Length
                    && (best < 0 || CompareNewestFirst(lists[i][heads[i]], lists[best][heads[best]]) < 0))
                {
                    best = i;
                }
            }

            merged[position] = lists[best][heads[best]++];
        }

        return merged;
    }
}
