package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;
import tw.smartgov.trust.merkle.SubtreeKey;

class FrontierTest {

    @Test
    void emptyFrontierHasTheEmptyRoot() {
        assertThat(Frontier.empty().root()).isEqualTo(MerkleHash.emptyRoot());
        assertThat(Frontier.fromBytes(Frontier.empty().toBytes()).size()).isZero();
    }

    @Test
    void appendReportsEachCompletedPerfectSubtreeOnce() {
        Frontier frontier = Frontier.empty();
        List<SubtreeKey> completed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            frontier.append(MerkleHash.leafHash(new byte[] {(byte) i}), (key, hash) -> completed.add(key));
        }
        assertThat(completed)
                .containsExactly(
                        new SubtreeKey(1, 0),
                        new SubtreeKey(1, 1),
                        new SubtreeKey(2, 0),
                        new SubtreeKey(1, 2),
                        new SubtreeKey(1, 3),
                        new SubtreeKey(2, 1),
                        new SubtreeKey(3, 0));
    }

    @Test
    void frontierHoldsTheStoredHashesOfItsKeys() {
        InMemorySubtreeStore store =
                InMemorySubtreeStore.of(Rfc6962VectorsTest.leafHashes().subList(0, 7));
        Frontier frontier = store.frontier();
        Map<SubtreeKey, byte[]> stored = store.fetch(frontier.keys());

        assertThat(frontier.keys()).containsExactly(new SubtreeKey(2, 0), new SubtreeKey(1, 2), new SubtreeKey(0, 6));
        for (int i = 0; i < frontier.keys().size(); i++) {
            assertThat(frontier.hashes().get(i))
                    .isEqualTo(stored.get(frontier.keys().get(i)));
        }
    }

    @Test
    void truncatedSerializationIsRefused() {
        Frontier frontier =
                InMemorySubtreeStore.of(Rfc6962VectorsTest.leafHashes()).frontier();
        byte[] bytes = frontier.toBytes();

        assertThatThrownBy(() -> Frontier.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frontier.fromBytes(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leafHashOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Frontier.empty().append(new byte[31], (key, hash) -> {}))
                .isInstanceOf(TrustException.class);
    }
}
