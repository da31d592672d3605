using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>
/// Sorts numbers with their items, as <c>Array.Sort(keys, items, 0, count)</c> does, compiled optimised at once. The
/// framework's sort of a <c>ulong</c>/<c>int</c> pair is a generic instantiation that no ReadyToRun image holds: in a
/// fresh compiler process its tiered JIT kept it as slow first-tier code for the whole build (measured: about 1.7 % of
/// a 10,000-seed clean build's CPU samples, in <c>SearchTermTable.Ordered</c>). Not stable; equal keys end up together.
/// </summary>
internal static class KeySort
{
    private const int Small = 16;

    [MethodImpl(Jit.Optimized)]
    public static void Sort(ulong[] keys, int[] items, int count)
    {
        if (count > 1)
        {
            Sort(keys, items, 0, count - 1, 2 * Log2(count));
        }
    }

    [MethodImpl(Jit.Optimized)]
    private static void Sort(ulong[] keys, int[] items, int low, int high, int depth)
    {
        while (high - low >= Small)
        {
            if (depth-- == 0)
            {
                HeapSort(keys, items, low, high);
                return;
            }

            // Median of three as the pivot, then Hoare's partition around it; the smaller side first (bounded stack).
            var middle = low + ((high - low) >> 1);
            Order(keys, items, low, middle);
            Order(keys, items, low, high);
            Order(keys, items, middle, high);
            var pivot = keys[middle];
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(keys, items, i++, j--);
                }
            }

            if (j - low < high - i)
            {
                Sort(keys, items, low, j, depth);
                low = i;
            }
            else
            {
                Sort(keys, items, i, high, depth);
                high = j;
            }
        }

        InsertionSort(keys, items, low, high);
    }

    [MethodImpl(Jit.Optimized)]
    private static void InsertionSort(ulong[] keys, int[] items, int low, int high)
    {
        for (var i = low + 1; i <= high; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= low && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }

    [MethodImpl(Jit.Optimized)]
    private static void HeapSort(ulong[] keys, int[] items, int low, int high)
    {
        var n = high - low + 1;
        for (var i = (n / 2) - 1; i >= 0; i--)
        {
            SiftDown(keys, items, low, i, n);
        }

        for (var end = n - 1; end > 0; end--)
        {
            Swap(keys, items, low, low + end);
            SiftDown(keys, items, low, 0, end);
        }
    }

    private static void SiftDown(ulong[] keys, int[] items, int low, int root, int n)
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= n)
            {
                return;
            }

            if (child + 1 < n && keys[low + child + 1] > keys[low + child])
            {
                child++;
            }

            if (keys[low + root] >= keys[low + child])
            {
                return;
            }

            Swap(keys, items, low + root, low + child);
            root = child;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Order(ulong[] keys, int[] items, int a, int b)
    {
        if (keys[a] > keys[b])
        {
            Swap(keys, items, a, b);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ulong[] keys, int[] items, int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (items[a], items[b]) = (items[b], items[a]);
    }

    private static int Log2(int value)
    {
        var log = 0;
        while (value > 1)
        {
            value >>= 1;
            log++;
        }

        return log + 1;
    }
}
